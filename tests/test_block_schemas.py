"""Schemas generated from block definitions, and the JSON they describe."""

import datetime
import decimal
import io
import json

import jsonschema
import pytest
from django.core.checks import Tags, run_checks
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import RequestFactory
from PIL import Image as PILImage
from pydantic import TypeAdapter
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

from recurrence_content.api.checks import undescribed_block_warnings
from recurrence_content.blocks import PatientInfoStreamBlock
from recurrence_content.blocks.representation import represent
from recurrence_content.blocks.schemas import UNDESCRIBED, BlockSchemas
from tests.testapp.models import HospitalArticleBody


class EveryKindBlock(blocks.StructBlock):
    """One child of every kind of block Wagtail ships."""

    char = blocks.CharBlock()
    text = blocks.TextBlock(required=False)
    email = blocks.EmailBlock()
    url = blocks.URLBlock(required=False)
    phone = blocks.RegexBlock(regex=r"^[0-9 ]+$")
    rich = blocks.RichTextBlock()
    level = blocks.ChoiceBlock(choices=[("h2", "H2"), ("h3", "H3")])
    colour = blocks.ChoiceBlock(choices=[("red", "Red")], required=False)
    days = blocks.MultipleChoiceBlock(choices=[("mon", "Mon"), ("tue", "Tue")])
    urgent = blocks.BooleanBlock(required=False)
    count = blocks.IntegerBlock()
    limit = blocks.IntegerBlock(required=False)
    ratio = blocks.FloatBlock()
    dose = blocks.DecimalBlock()
    day = blocks.DateBlock()
    at = blocks.TimeBlock()
    when = blocks.DateTimeBlock()
    page = blocks.PageChooserBlock()
    leaflet = DocumentChooserBlock()
    photo = ImageChooserBlock()
    figure = ImageBlock()
    divider = blocks.StaticBlock()
    names = blocks.ListBlock(blocks.CharBlock())
    steps = blocks.StreamBlock(
        [
            ("note", blocks.CharBlock()),
            ("step", blocks.StructBlock([("do", blocks.TextBlock())])),
        ]
    )


def json_schema(annotation) -> dict:
    return TypeAdapter(annotation).json_schema(ref_template="#/$defs/{model}")


def properties(model) -> dict:
    """The model's members' schemas, without pydantic's generated titles."""
    return {
        name: {key: value for key, value in member.items() if key != "title"}
        for name, member in model.model_json_schema()["properties"].items()
    }


def test_every_kind_of_block_gets_its_type_and_format():
    props = properties(BlockSchemas().schema(EveryKindBlock(), "every_kind"))

    assert props["char"]["type"] == "string"
    assert props["text"]["type"] == "string"
    assert props["email"] == {"type": "string", "format": "email"}
    assert props["url"]["anyOf"] == [
        {"type": "string", "format": "uri"},
        {"type": "string", "maxLength": 0},
    ]
    assert props["phone"] == {"type": "string", "pattern": r"^[0-9 ]+$"}
    assert props["rich"] == {"$ref": "#/$defs/RichText"}
    assert props["level"]["enum"] == ["h2", "h3"]
    assert props["colour"]["enum"] == ["red", ""]
    assert props["days"]["items"]["enum"] == ["mon", "tue"]
    assert props["urgent"]["type"] == "boolean"
    assert props["count"]["type"] == "integer"
    assert props["limit"]["anyOf"] == [{"type": "integer"}, {"type": "null"}]
    assert props["ratio"]["type"] == "number"
    assert props["dose"] == {"type": "string", "format": "decimal"}
    assert props["day"]["format"] == "date"
    assert props["at"]["format"] == "time"
    assert props["when"]["format"] == "date-time"
    assert props["page"]["anyOf"][0] == {"$ref": "#/$defs/PageLink"}
    assert props["leaflet"]["anyOf"][0] == {"$ref": "#/$defs/DocumentLink"}
    assert props["photo"]["anyOf"][0] == {"$ref": "#/$defs/ImageLink"}
    assert props["figure"]["anyOf"][0] == {"$ref": "#/$defs/ImageWithAlt"}
    assert props["divider"]["type"] == "null"
    assert props["names"] == {"type": "array", "items": {"type": "string"}}
    steps = props["steps"]["items"]
    assert steps["discriminator"]["propertyName"] == "type"
    assert set(steps["discriminator"]["mapping"]) == {"note", "step"}


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def png() -> ImageFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 3), "white").save(buffer, "PNG")
    return ImageFile(buffer, name="scan.png")


@pytest.mark.django_db
def test_what_the_feed_sends_for_every_kind_matches_its_schema(home, media):
    document = get_document_model().objects.create(
        title="Leaflet", file=ContentFile(b"%PDF-1.4", name="leaflet.pdf")
    )
    image = get_image_model().objects.create(title="Scan", file=png())
    block = EveryKindBlock()
    value = block.to_python(
        {
            "char": "Fever",
            "text": None,
            "email": "nurse@example.org",
            "url": "",
            "phone": "0800 555",
            "rich": f'<p>See <a linktype="page" id="{home.pk}">home</a>.</p>',
            "level": "h2",
            "colour": "",
            "days": ["mon"],
            "urgent": None,
            "count": 3,
            "limit": None,
            "ratio": 0.5,
            "dose": "1.50",
            "day": "2026-11-25",
            "at": "08:30:00",
            "when": "2026-11-25T08:30:00Z",
            "page": home.pk,
            "leaflet": document.pk,
            "photo": image.pk,
            "figure": {"image": image.pk, "alt_text": "A scan", "decorative": False},
            "divider": None,
            "names": ["one", "two"],
            "steps": [{"type": "note", "value": "First"}],
        }
    )
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    schema = BlockSchemas().schema(block, "every_kind")

    sent = schema.model_validate(represent(block, value, {"request": request}))
    data = json.loads(sent.model_dump_json())

    jsonschema.validate(data, schema.model_json_schema())
    assert data["text"] == ""
    assert data["urgent"] is False
    assert data["rich"] == {
        "html": '<p>See <a href="http://localhost/">home</a>.</p>',
        "text": "See home (http://localhost/).",
    }
    assert data["dose"] == "1.50"
    assert data["page"] == {"id": home.pk, "url": "http://localhost/"}
    assert data["leaflet"]["url"].startswith("http://localhost/media/documents/")
    assert data["photo"] | {"url": ""} == {
        "id": image.pk,
        "title": "Scan",
        "width": 4,
        "height": 3,
        "url": "",
    }
    assert data["figure"]["alt_text"] == "A scan"
    assert data["steps"][0]["type"] == "note"


def test_a_hosts_stream_types_its_own_struct_block():
    schemas = BlockSchemas()
    body = json_schema(schemas.schema(HospitalArticleBody(), "HospitalArticlePage"))

    mapping = body["items"]["discriminator"]["mapping"]
    assert set(mapping) == set(PatientInfoStreamBlock.base_blocks) | {"warning_sign"}
    definitions = body["$defs"]
    wrapper = definitions["WarningSignBlock"]["properties"]
    assert wrapper["type"]["const"] == "warning_sign"
    assert wrapper["value"] == {"$ref": "#/$defs/WarningSignValue"}
    value = definitions["WarningSignValue"]
    assert value["required"] == ["sign", "action"]
    assert value["properties"]["action"] == {"$ref": "#/$defs/RichText"}
    assert schemas.undescribed == []


def test_the_apps_own_blocks_keep_their_component_names():
    body = json_schema(
        BlockSchemas().schema(PatientInfoStreamBlock(), "PatientInfoPage")
    )

    assert {
        "HeadingBlock",
        "HeadingValue",
        "DefinitionValue",
        "PatternListValue",
        "CalloutValue",
        "RelatedLinkValue",
        "RichText",
    } <= set(body["$defs"])
    assert body["$defs"]["DefinitionValue"]["required"] == [
        "term",
        "also_called",
        "definition",
        "anchor",
    ]
    assert body["$defs"]["RelatedLinkValue"]["required"] == [
        "kind",
        "title",
        "url",
        "page_id",
    ]


def test_two_shapes_under_one_name_get_two_names():
    schemas = BlockSchemas()

    class OtherCalloutStream(blocks.StreamBlock):
        callout = blocks.StructBlock([("words", blocks.CharBlock())])

    ours = schemas.schema(PatientInfoStreamBlock(), "PatientInfoPage")
    theirs = schemas.schema(OtherCalloutStream(), "LeafletPage")

    names = {m.__name__ for m in ours.__args__[0].__origin__.__args__}
    other = theirs.__args__[0]
    assert "CalloutBlock" in names
    assert other.__name__ == "LeafletPageCalloutBlock"
    assert set(other.model_fields["value"].annotation.model_fields) == {"words"}


class ColourBlock(blocks.FieldBlock):
    """A host's own field block, which the feed knows nothing about."""

    def __init__(self, **kwargs):
        from django import forms

        self.field = forms.CharField()
        super().__init__(**kwargs)


class TypedColourBlock(ColourBlock):
    def get_api_schema(self, schemas):
        return str


def test_a_hosts_own_field_block_is_documented_as_any_json_with_a_warning():
    stream = blocks.StreamBlock(
        [("swatch", blocks.StructBlock([("colour", ColourBlock())]))]
    )
    schemas = BlockSchemas()

    props = properties(schemas.schema(stream, "LeafletPage").__args__[0])
    value = json_schema(schemas.schema(stream, "LeafletPage"))["$defs"]["SwatchValue"]
    warnings = undescribed_block_warnings(stream, "hospital.LeafletPage")

    assert props["type"]["const"] == "swatch"
    assert value["properties"]["colour"]["description"] == UNDESCRIBED
    assert [w.id for w in warnings] == ["recurrence_content.W004"]
    assert "hospital.LeafletPage/swatch/colour" in warnings[0].msg
    assert "tests.test_block_schemas.ColourBlock" in warnings[0].msg
    assert "get_api_schema(self, schemas)" in warnings[0].hint


def test_a_block_that_declares_its_schema_is_typed_without_a_warning():
    stream = blocks.StreamBlock([("colour", TypedColourBlock())])

    props = properties(BlockSchemas().schema(stream, "LeafletPage").__args__[0])

    assert props["value"] == {"type": "string"}
    assert undescribed_block_warnings(stream, "hospital.LeafletPage") == []


def test_the_test_sites_article_types_need_no_warning():
    messages = run_checks(tags=[Tags.compatibility])
    assert [m for m in messages if m.id == "recurrence_content.W004"] == []


def test_decimal_and_dates_are_sent_as_json_strings():
    block = blocks.StructBlock(
        [("dose", blocks.DecimalBlock()), ("day", blocks.DateBlock())]
    )
    schema = BlockSchemas().schema(block, "dosage")
    value = block.to_python({"dose": "2.0", "day": "2026-01-02"})

    data = schema.model_validate(represent(block, value)).model_dump(mode="json")

    assert data == {"dose": "2.0", "day": "2026-01-02"}
    assert isinstance(value["dose"], decimal.Decimal)
    assert isinstance(value["day"], datetime.date)
