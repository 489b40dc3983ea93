"""Event grouping: claims from different articles that describe the same real event form one group.

How it works (all steps are explainable and recorded in ``EventGroup.why``):

1. **Features** per claim: content tokens (stop words out), entity keys, DATE values, numbers (outside
   time expressions), polarity and stance.
2. **Document context (stories)**: articles are clustered by TF-IDF cosine of their body words (average
   linkage, blocked by shared rare words, kept apart when their dominant years differ). Then:
   a story that holds two look-alike events is split (inside the story, words all its articles share
   weigh nothing; the split is kept only when the two sides are far apart: two fires at one supermarket
   chain in two towns); a lone article joins the story it is closest to on average; and two story pieces
   as close across as within are joined. Claims of articles in the same story get a bonus and a low
   linkage bar: a news story's sentences mostly describe its seminal event.
3. **Candidate pairs** come from blocking: claims sharing one of their rarest content tokens or an entity
   key, never all pairs. rapidfuzz ``token_sort_ratio`` scores the text of each candidate pair.
4. **Hard constraints** keep apart claims with incompatible times (``2023-10`` vs ``2024-05``), different
   numbers, opposite polarity.
5. **Average linkage** over the sparse score graph (edges taken best first; two clusters merge only when
   the mean score over all their member pairs clears the bar, low inside a story and full across stories,
   and their established event times, a month reported by two members, are compatible), which resists the
   chaining that single-link suffers.
6. **Overrides**: reviewer merges and take-outs are applied last, on every run.
7. **Suggestions** per group: ``supersedes`` (a later ``occurred`` report after ``expected``/``planned``
   ones, a confirmation after an unconfirmed report) and ``conflicts`` (times, numbers or places disagree).
"""

from factcheck.grouping.cluster import group_claims
from factcheck.grouping.params import DEFAULT, Params
from factcheck.grouping.suggest import suggestions
from factcheck.grouping.times import compatible

__all__ = ["DEFAULT", "Params", "compatible", "group_claims", "suggestions"]
