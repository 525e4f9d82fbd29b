"""An EHR calling the service over real HTTP, its keys at a real JWK Set URL:
discover, then call the service it found, as the spec's sequence goes."""

import pytest
import requests

from tests.cds_hooks import spec_rules
from tests.cds_hooks.conftest import DISCOVERY, SNOMED, condition, hook_request
from tests.factories import make_article, translate
from tests.infobutton.conftest import tag

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_ehr_discovers_the_service_and_gets_a_card_in_spanish(
    live_server, host_page, locales, ehr_keys, jwks_server, settings
):
    settings.RECURRENCE_CONTENT_CDS_HOOKS_JWKS_URL = jwks_server.url
    article = tag(make_article(host_page, body=[]), ("snomed", "254837009"))
    spanish = translate(article, locales["es"], title="¿El cáncer siempre vuelve?")

    def signed(path: str) -> dict:
        token = ehr_keys.token(live_server.url + path)
        return {"Authorization": f"Bearer {token}"}

    discovery = requests.get(
        live_server.url + DISCOVERY, headers=signed(DISCOVERY), timeout=30
    )
    assert discovery.status_code == 200
    [service] = discovery.json()["services"]
    path = f"{DISCOVERY}/{service['id']}"
    body = hook_request(condition((SNOMED, "254837009")), language="es")
    response = requests.post(
        live_server.url + path, json=body, headers=signed(path), timeout=30
    )

    assert response.status_code == 200, response.text
    spec_rules.assert_follows_spec(spec_rules.RESPONSE, response.json())
    [card] = response.json()["cards"]
    assert card["summary"] == "¿El cáncer siempre vuelve?"
    assert card["links"][0]["url"] == spanish.get_full_url()
    assert jwks_server.requests == 1
