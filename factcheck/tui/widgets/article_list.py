"""The articles of the batch: one two-line prompt per article in one PromptList (no widget per row)."""

from __future__ import annotations

from textual.content import Content

from factcheck.model import Article, Verdict
from factcheck.tui.fmt import clip, date_text, one_line
from factcheck.tui.widgets.prompt_list import PromptList


class ArticleList(PromptList):
    """Outlet, language, date (an unknown date flagged), reviewed count and title of each article."""

    HELP_TITLE = "Articles"
    HELP = (
        "Articles: two lines per article: its outlet, its language (detected or given by the record), its "
        "publication date ('date?' when unknown: press p to set it), the number of reviewed claims out of "
        "the claims over the check-worthiness threshold (one under it counts once it has a verdict, whether "
        "w shows it or not) and ⚠ when the article has notices (shown above its text); then its title. "
        "Arrows move between articles; J/K or ]/[ work from anywhere."
    )

    @staticmethod
    def prompt_for(article: Article, progress: dict[Verdict, int], width: int, *, warn: bool) -> Content:
        """``warn``: the article has notices the reviewer has not dealt with (``Review.notices``)."""
        total = sum(progress.values())
        done = total - progress[Verdict.UNREVIEWED]
        count = f"{done:,}/{total:,}"  # (as the status line and the list's border count: "1/20,001")
        if total and done == total:
            count_style = "$success"
        elif progress[Verdict.DISPUTED]:
            count_style = "$error"
        else:
            count_style = "$text-muted"
        date = date_text(article.published)
        lang = article.language or ""
        tail = Content.assemble(
            " ",
            (f"{lang} " if lang else "", "$text-accent"),
            (date, "$text-warning" if article.published is None else "$text-muted"),
            " ",
            (count, count_style),
            (" ⚠" if warn else "", "$text-warning"),
        )
        outlet = clip(article.outlet or article.key, max(4, width - tail.cell_length))
        head = Content.assemble((outlet, "bold"), tail).truncate(width, ellipsis=True)
        title = one_line(article.title or _lead(article) or article.key)
        title_line = Content.styled(title, "" if article.title else "italic").truncate(width, ellipsis=True)
        return Content("\n").join([head, title_line])


def _lead(article: Article) -> str:
    """The start of an untitled article's text (its headline or body: never front matter or page furniture);
    "" when it has neither (the key then names it)."""
    first = next(iter(article.claim_segments), None)
    return article.text[first.start : first.start + 200].strip() if first else ""
