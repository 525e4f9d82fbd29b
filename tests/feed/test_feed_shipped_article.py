"""The shipped article, loaded as a hospital would, comes out of the feed whole."""

import pytest

from recurrence_content.api.v1.schemas import article_schema
from recurrence_content.loading import load_article
from tests.feed.helpers import detail_url, list_url

pytestmark = pytest.mark.django_db


def test_the_shipped_article_keeps_to_the_contract(client, host_page):
    page = load_article(parent=host_page, publish=True).page

    listed = client.get(list_url(locale="en")).json()
    response = client.get(detail_url(page, "en"))

    assert [item["title"] for item in listed["results"]] == [page.title]
    assert response.status_code == 200
    article = article_schema().model_validate(response.json()).root
    types = {block.type for block in article.body}
    assert {"definition", "pattern_list", "factor_checklist"} <= types
    assert article.json_ld.inLanguage == "en"
    assert all(block.value.text for block in article.body if block.type == "paragraph")
