"""The articles of the batch: one OptionList option per article (no widget per row)."""

from __future__ import annotations

from textual.content import Content

from factcheck.model import Article, Verdict
from factcheck.tui.fmt import clip, date_text, one_line
from factcheck.tui.widgets.options import PatchableOptionList


class ArticleList(PatchableOptionList):
    """Outlet, date (an unknown date flagged), reviewed count and title of each article."""

    HELP = (
        "Articles: one line per article with its outlet, publication date ('date?' when unknown: press p "
        "to set it), the number of reviewed claims out of all claims, and its title. Arrows move between "
        "articles; J/K or ]/[ work from anywhere."
    )

    def prompt_for(self, article: Article, progress: dict[Verdict, int], width: int) -> Content:
        total = sum(progress.values())
        done = total - progress[Verdict.UNREVIEWED]
        count = f"{done}/{total}"
        if total and done == total:
            count_style = "$success"
        elif progress[Verdict.DISPUTED]:
            count_style = "$error"
        else:
            count_style = "$text-muted"
        date = date_text(article.published)
        outlet = clip(article.outlet or article.key, max(6, width - len(date) - len(count) - 3))
        head = Content.assemble(
            (outlet, "bold"),
            " ",
            (date, "$text-warning" if article.published is None else "$text-muted"),
            " ",
            (count, count_style),
        )
        title = clip(article.title or one_line(article.text[:120]) or article.key, max(8, width - 1))
        return Content.assemble(head, "\n", (title, "italic" if not article.title else ""))
