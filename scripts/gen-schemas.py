#!/usr/bin/env python3
"""Writes schemas/<kind>.schema.json and samples/schemas/ from one description.

The four schema files share their embedded types ($defs): JSON Schema allows $ref only within a
file here, so each file carries its own copy. Generating them from this script keeps the copies
identical. Edit this script, run it, and commit the JSON it writes:

    python3 scripts/gen-schemas.py
"""

import json
import subprocess
import sys
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
BASE = "https://klaster.invalid/schemas/"

ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
SINGULAR = {"clusters": "cluster", "members": "member", "agreements": "agreement", "news": "news"}
LANGUAGES = ["pl", "en", "de", "fr", "ru", "sv", "da"]
LANGUAGE_NAMES = {
    "pl": "Polish", "en": "English", "de": "German", "fr": "French", "ru": "Russian",
    "sv": "Swedish", "da": "Danish",
}
# ISO 3166-1 alpha-2 codes other than PL, written with character classes only (no look-ahead).
NOT_PL = "([A-OQ-Z][A-Z]|P[A-KM-Z])"
PL_REGIONS = "PL-(0[2468]|[12][02468]|3[02])"


def ref(name, description=None):
    node = {"$ref": f"#/$defs/{name}"}
    if description:
        node["description"] = description
    return node


def id_field(kind, description):
    """A bare id of one kind."""
    return {
        "type": "string", "description": description, "pattern": ID_PATTERN, "maxLength": 100,
        "x-ref": kind,
    }


def mixed_ref(kinds, description):
    """A `kind:id` reference to a record of one of `kinds` (singular names before the colon)."""
    names = "|".join(SINGULAR[k] for k in kinds)
    node = {
        "type": "string", "description": description,
        "pattern": f"^({names}):[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": 110,
    }
    node["x-ref"] = "any" if len(kinds) == 4 else list(kinds)
    return node


def string(description, **extra):
    return {"type": "string", "description": description, "minLength": 1, **extra}


def text(description, **extra):
    return {"type": "string", "description": description, "minLength": 1, "x-merge": "text", **extra}


def date(description):
    return {
        "type": "string", "description": description + " (YYYY-MM-DD).",
        "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "format": "date",
    }


def string_set(description, item, **extra):
    return {
        "type": "array", "description": description, "items": item, "uniqueItems": True,
        "x-merge": "set", **extra,
    }


def keyed(description, item_def, key, **extra):
    return {
        "type": "array", "description": description, "items": ref(item_def), "x-merge": "keyed",
        "x-merge-key": key, **extra,
    }


def obj(description, properties, required=(), **extra):
    node = {"type": "object", "description": description, "properties": properties}
    if required:
        node["required"] = list(required)
    node["additionalProperties"] = False
    node.update(extra)
    return node


def enum(description, values):
    return {"type": "string", "description": description, "enum": values}


COUNTRY = {
    "type": "string", "description": "ISO 3166-1 alpha-2 country code, upper case (\"PL\", \"SE\").",
    "pattern": "^[A-Z]{2}$", "x-check": "country",
}
REGION = {
    "type": "string",
    "description": "ISO 3166-2 subdivision code. Polish voivodeships use the current numeric codes "
    "PL-02 to PL-32 (PL-24 is śląskie); the letter codes replaced in 2018 (PL-SL) are rejected.",
    "pattern": f"^({PL_REGIONS}|{NOT_PL}-[A-Z0-9]{{1,3}})$", "x-check": "region",
}
EMAIL = {"type": "string", "description": "Contact e-mail address.", "format": "email",
         "pattern": "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", "maxLength": 254, "x-check": "email"}
PHONE = {"type": "string", "description": "Telephone number in E.164 form, no spaces (\"+48322000000\").",
         "pattern": "^\\+[1-9][0-9]{6,14}$", "x-check": "phone"}
URL = {"type": "string", "description": "Absolute http(s) address.", "format": "uri",
       "pattern": "^https?://[^\\s]+$", "maxLength": 2000, "x-check": "url"}


def url(description):
    return {**URL, "description": description}


def shared_defs():
    def language_map(description, value):
        props = {}
        for code in LANGUAGES:
            props[code] = {**value, "description": f"{LANGUAGE_NAMES[code]}."}
        return obj(description, props, anyOf=[{"required": [code]} for code in LANGUAGES])

    return {
        "localizedName": language_map(
            "A short text in one or more languages, keyed by ISO 639-1 code; at least one language.",
            {"type": "string", "minLength": 1, "maxLength": 500},
        ),
        "localizedText": language_map(
            "A longer text in one or more languages, keyed by ISO 639-1 code; merged line by line.",
            {"type": "string", "minLength": 1, "x-merge": "text"},
        ),
        "localizedList": language_map(
            "An ordered list of texts per language (objectives, scope items), in the source's order.",
            {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1},
        ),
        "place": obj(
            "Where something happened: as much as the source states.",
            {
                "venue": string("Building or venue (\"Hotel Dąbrówka\")."),
                "city": string("City or town (\"Jastrzębie-Zdrój\")."),
                "region": REGION,
                "country": COUNTRY,
            },
            required=["country"],
        ),
        "address": obj(
            "A postal address. A Polish postcode is written NN-NNN.",
            {
                "street": string("Street, number and flat."),
                "postal_code": {"type": "string", "description": "Postcode (\"41-709\" in Poland).",
                                "pattern": "^[0-9A-Z][0-9A-Z -]{1,9}$"},
                "city": string("City or town."),
                "region": REGION,
                "country": COUNTRY,
            },
            required=["country"],
            anyOf=[
                {"properties": {"country": {"const": "PL"},
                                "postal_code": {"pattern": "^[0-9]{2}-[0-9]{3}$"}}},
                {"properties": {"country": {"pattern": f"^{NOT_PL}$"}}},
            ],
        ),
        "identifiers": obj(
            "Registry numbers of a legal entity, as strings (leading zeros matter). NIP and REGON "
            "carry check digits; the validator checks them.",
            {
                "nip": {"type": "string", "description": "Polish tax id: 10 digits, no dashes.",
                        "pattern": "^[0-9]{10}$", "x-unique": True, "x-check": "nip"},
                "regon": {"type": "string", "description": "Polish statistical number: 9 digits, "
                          "or 14 for a local unit.", "pattern": "^([0-9]{9}|[0-9]{14})$",
                          "x-unique": True, "x-check": "regon"},
                "krs": {"type": "string", "description": "National Court Register number: 10 digits, "
                        "zero-padded.", "pattern": "^[0-9]{10}$", "x-unique": True,
                        "x-check": "krs"},
                "vat_eu": {"type": "string", "description": "EU VAT number with its country prefix "
                           "(\"PL7740001454\").", "pattern": "^[A-Z]{2}[0-9A-Z]{2,12}$", "x-unique": True},
                "lei": {"type": "string", "description": "Legal Entity Identifier (ISO 17442).",
                        "pattern": "^[0-9A-Z]{18}[0-9]{2}$", "x-unique": True},
            },
        ),
        "position": obj(
            "One role a person holds, as the source states it.",
            {
                "role": enum("The kind of role.", [
                    "president", "vice-president", "board-member", "council-chair", "council-member",
                    "manager", "coordinator", "representative", "speaker", "staff", "contact", "other",
                ]),
                "title": ref("localizedName", "The role in the source's words (\"prezes\")."),
                "organisation": mixed_ref(["clusters", "members"],
                                          "The cluster or member the role is held in (`cluster:okip`)."),
                "unit": string("Department or unit inside the organisation."),
                "since": date("First day in the role"),
                "until": date("Last day in the role"),
            },
            required=["role"],
        ),
        "person": obj(
            "A person named in the sources. People are not records: each is embedded where named, "
            "with a slug that identifies them across records.",
            {
                "id": {"type": "string", "description": "Slug of the person's name (\"joanna-sochacka\"); "
                       "the same person has the same slug everywhere.", "pattern": ID_PATTERN,
                       "maxLength": 100},
                "name": string("Full name in the nominative (\"Joanna Sochacka\").", maxLength=200),
                "positions": {"type": "array", "description": "Roles held, as stated in the sources.",
                              "items": ref("position"), "uniqueItems": True, "x-merge": "set"},
            },
            required=["id", "name"],
        ),
        "source": obj(
            "Where a fact comes from: a web page, a news record of this store, or both.",
            {
                "news": id_field("news", "A news record of this store that states the facts."),
                "url": url("Address of the page that states the facts."),
                "title": string("Title of the page or document."),
                "publisher": string("Who published it (site or organisation)."),
                "lang": {"type": "string", "description": "Language of the source (ISO 639-1).",
                         "pattern": "^[a-z]{2}$", "x-check": "language"},
                "published": date("Publication date"),
                "retrieved": date("When the page was read"),
                "note": text("What this source supports, or caveats about it."),
            },
            anyOf=[{"required": ["news"]}, {"required": ["url"]}],
        ),
    }


def project_def(description="A funded project: run for or by a cluster, or mentioned in an article."):
    return obj(
        description,
        {
            "id": {"type": "string", "description": "Slug of the project, unique within the record.",
                   "pattern": ID_PATTERN, "maxLength": 100},
            "title": ref("localizedName", "The project's title."),
            "programme": string("Funding programme (\"CENTRAL EUROPE\", a Regional Operational Programme)."),
            "code": string("The project's number in its programme."),
            "fund": enum("EU or other fund.", ["erdf", "esf", "cohesion-fund", "eafrd", "emff",
                                               "national", "regional", "private", "other"]),
            "beneficiary": id_field("members", "The member that received the funding."),
            "approved": date("Date of the funding decision"),
            "start": date("Start date"),
            "end": date("End date"),
            "note": ref("localizedText", "What the project does."),
        },
        required=["id", "title"],
    )


def sources_field(required_note):
    return {
        "type": "array",
        "description": "The sources of this record's facts " + required_note + ". Compared whole "
        "when merging.",
        "items": ref("source"), "minItems": 1, "uniqueItems": True, "x-merge": "set",
    }


PEOPLE = keyed("People named in the sources in connection with this record, matched by `id` when "
               "merging.", "person", "id")
ALIASES = string_set("Other names in use, as written in the sources.", {"type": "string", "minLength": 1})
TAGS = string_set("Free keywords, lower-case slugs.", {"type": "string", "pattern": ID_PATTERN, "maxLength": 60})
SECTORS = string_set(
    "Economic sectors with an explicit classification: `nace2:` (NACE Rev. 2 / PKD 2007) or `nace21:` "
    "(NACE Rev. 2.1 / PKD 2025), then a section letter, optionally a division, group or class "
    "(`nace2:J`, `nace2:J62`, `nace2:C30.3`).",
    {"type": "string", "pattern": "^nace21?:[A-V]([0-9]{2}(\\.[0-9]{1,2})?)?$"},
)


def record_schema(kind, title, description, properties, required, defs):
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": BASE + f"{kind}.schema.json",
        "title": title,
        "description": description,
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
        "$defs": defs,
    }


def record_id(kind):
    return {"type": "string", "description": f"The record's id; equals the file stem ({kind}/<id>.yaml) "
            "and never changes.", "pattern": ID_PATTERN, "maxLength": 100}


def clusters():
    defs = shared_defs()
    defs["affiliation"] = obj(
        "A standing relation of this cluster to another cluster or organisation.",
        {
            "ref": mixed_ref(["clusters", "members"], "The other party (`cluster:okip`)."),
            "relations": string_set("How this cluster relates to it: `umbrella` (the other is this "
                                    "cluster's umbrella organisation), `cooperation`, `business-contact`, "
                                    "`partner`.",
                                    {"type": "string", "enum": ["umbrella", "cooperation",
                                                                "business-contact", "partner"]},
                                    minItems=1),
            "since": date("Start of the relation"),
            "until": date("End of the relation"),
            "agreement": id_field("agreements", "The agreement that sets up the relation."),
            "note": ref("localizedText", "What the sources say about the relation."),
        },
        required=["ref", "relations"],
    )
    defs["label"] = obj(
        "A quality label or status held by the cluster (ESCA, Key National Cluster).",
        {
            "scheme": enum("The labelling scheme: `esca` (European Cluster Excellence labels), `kkk` "
                           "(Krajowy Klaster Kluczowy), `other`.", ["esca", "kkk", "other"]),
            "level": enum("ESCA level.", ["bronze", "silver", "gold"]),
            "year": {"type": "integer", "description": "Year awarded, when the exact date is not known.",
                     "minimum": 1990, "maximum": 2100},
            "awarded": date("Date awarded"),
            "valid_until": date("Last day of validity"),
            "note": text("Details (round, portfolio)."),
        },
        required=["scheme"],
    )
    defs["project"] = project_def()
    props = {
        "id": record_id("clusters"),
        "name": ref("localizedName", "The cluster's name; Polish clusters give at least `pl`."),
        "short_name": string("Acronym or short name (\"OKIP\").", maxLength=60),
        "aliases": ALIASES,
        "cluster_type": enum("`cluster` (a cluster initiative), `umbrella` (an organisation of "
                             "clusters), `network` (an international network of clusters).",
                             ["cluster", "umbrella", "network"]),
        "status": enum("Whether the cluster is still active.", ["active", "inactive", "dissolved", "unknown"]),
        "country": COUNTRY,
        "region": REGION,
        "city": string("Seat of the cluster."),
        "address": ref("address", "Postal address of the cluster office."),
        "founded": date("Date the cluster was founded"),
        "founding_agreement": id_field("agreements", "The agreement that founded the cluster."),
        "coordinator": id_field("members", "The member that coordinates or administers the cluster "
                                "(many clusters are not legal entities; their coordinator is)."),
        "website": url("The cluster's website."),
        "email": EMAIL,
        "phone": PHONE,
        "identifiers": ref("identifiers", "Registry numbers, only when the cluster is itself a legal "
                           "entity."),
        "description": ref("localizedText", "What the cluster is, in a few sentences."),
        "vision": ref("localizedText", "The cluster's vision statement."),
        "mission": ref("localizedText", "The cluster's mission statement."),
        "main_objective": ref("localizedText", "The cluster's main objective."),
        "objectives": ref("localizedList", "The cluster's objectives, in the source's order."),
        "sectors": SECTORS,
        "ecosystems": string_set(
            "EU industrial ecosystems (the ECCP typology).",
            {"type": "string", "enum": [
                "aerospace-defence", "agri-food", "construction", "cultural-creative-industries",
                "digital", "electronics", "energy-intensive-industries", "energy-renewables", "health",
                "mobility-transport-automotive", "proximity-social-economy", "retail", "textiles",
                "tourism"]}),
        "tags": TAGS,
        "people": PEOPLE,
        "affiliations": keyed("Relations to other clusters and organisations, matched by `ref`.",
                              "affiliation", "ref"),
        "labels": {"type": "array", "description": "Quality labels and statuses held. Compared whole "
                   "when merging.", "items": ref("label"), "uniqueItems": True, "x-merge": "set"},
        "projects": keyed("Funded projects, matched by `id`.", "project", "id"),
        "sources": sources_field("(at least one)"),
    }
    return record_schema("clusters", "Cluster", "A cluster initiative or cluster organisation: "
                         "clusters/<id>.yaml.", props, ["id", "name", "country", "sources"], defs)


def members():
    defs = shared_defs()
    defs["membership"] = obj(
        "The member's part in one cluster.",
        {
            "cluster": id_field("clusters", "The cluster."),
            "roles": string_set(
                "What the member is in the cluster.",
                {"type": "string", "enum": ["member", "founding-member", "coordinator", "administrator",
                                            "initiator", "partner", "supporter", "council-member"]},
                minItems=1),
            "since": date("First day of membership"),
            "until": date("Last day of membership"),
            "agreement": id_field("agreements", "The agreement by which the member joined."),
            "note": ref("localizedText", "What the sources say about the membership."),
        },
        required=["cluster", "roles"],
    )
    props = {
        "id": record_id("members"),
        "name": ref("localizedName", "The organisation's name."),
        "short_name": string("Acronym or short name.", maxLength=60),
        "aliases": ALIASES,
        "org_type": enum("What kind of organisation it is.", [
            "company", "university", "research-institute", "chamber", "incubator", "public-body",
            "association", "cluster-organisation", "ngo", "other"]),
        "legal_form": string("Legal form as written in the register (\"sp. z o.o.\", \"stowarzyszenie\")."),
        "parent": id_field("members", "The organisation this one is a unit of."),
        "country": COUNTRY,
        "region": REGION,
        "city": string("Seat of the organisation."),
        "address": ref("address", "Registered or postal address."),
        "identifiers": ref("identifiers", "Registry numbers (NIP, REGON, KRS)."),
        "website": url("The organisation's website."),
        "email": EMAIL,
        "phone": PHONE,
        "description": ref("localizedText", "What the organisation does."),
        "sectors": SECTORS,
        "tags": TAGS,
        "memberships": keyed("The clusters it belongs to, matched by `cluster`.", "membership", "cluster"),
        "people": PEOPLE,
        "sources": sources_field("(at least one)"),
    }
    return record_schema("members", "Member", "An organisation that belongs to, runs or works with a "
                         "cluster: members/<id>.yaml.", props,
                         ["id", "name", "org_type", "country", "sources"], defs)


SCOPE = ["communication", "joint-projects", "business-cooperation", "rnd-cooperation", "competitiveness",
         "joint-offers", "research-support", "knowledge-transfer", "joint-research", "training",
         "seminars", "internships", "conferences", "mutual-promotion", "coordination-meetings",
         "office-space-access", "event-access"]


def agreements():
    defs = shared_defs()
    defs["party"] = obj(
        "One party to the agreement.",
        {
            "ref": mixed_ref(["clusters", "members"], "The party (`cluster:okip`, `member:...`)."),
            "role": enum("`party`, or a special part: `initiator`, `coordinator`, `umbrella` (the "
                         "umbrella organisation the others belong to).",
                         ["party", "initiator", "coordinator", "umbrella"]),
            "signatories": keyed("The people who signed for this party, matched by `id`.", "person", "id"),
            "note": ref("localizedText", "What the sources say about this party's part."),
        },
        required=["ref", "role"],
    )
    props = {
        "id": record_id("agreements"),
        "title": ref("localizedName", "The agreement's title."),
        "agreement_type": enum("`partnership-agreement` (umowa partnerstwa), `memorandum`, "
                               "`inter-cluster-cooperation` (porozumienie o współpracy międzyklastrowej), "
                               "`letter-of-intent`, `membership-declaration`, `other`.",
                               ["partnership-agreement", "memorandum", "inter-cluster-cooperation",
                                "letter-of-intent", "membership-declaration", "other"]),
        "status": enum("Where the agreement stands.", ["signed", "in-force", "expired", "terminated",
                                                        "unknown"]),
        "signed_on": date("Date of signing"),
        "place": ref("place", "Where it was signed."),
        "parties": keyed("The parties named in the sources, matched by `ref`.", "party", "ref", minItems=1),
        "unnamed_parties": ref("localizedText", "Parties the sources describe without naming them."),
        "parties_complete": {"type": "boolean", "description": "True when `parties` lists every party."},
        "establishes": id_field("clusters", "The cluster this agreement founds."),
        "purpose": ref("localizedText", "What the agreement is for."),
        "scope": string_set("Areas of cooperation, from a fixed list.", {"type": "string", "enum": SCOPE}),
        "scope_text": ref("localizedList", "The areas of cooperation in the source's words and order."),
        "valid_from": date("First day in force"),
        "valid_until": date("Last day in force"),
        "confidence": enum("How well the sources establish the agreement.", ["high", "medium", "low"]),
        "sources": sources_field("(at least one)"),
    }
    return record_schema("agreements", "Agreement", "An agreement between clusters or organisations: "
                         "agreements/<id>.yaml.", props, ["id", "title", "agreement_type", "parties",
                                                          "sources"], defs)


def news():
    defs = shared_defs()
    defs["event"] = obj(
        "An event the article reports or announces.",
        {
            "id": {"type": "string", "description": "Slug of the event, unique within the record.",
                   "pattern": ID_PATTERN, "maxLength": 100},
            "name": ref("localizedName", "The event's name or subject."),
            "event_type": enum("What kind of event.", ["trade-fair", "study-visit", "conference", "meeting",
                                                       "seminar", "business-breakfast", "signing",
                                                       "workshop", "other"]),
            "status": enum("`held` or `planned` as of the article.", ["held", "planned"]),
            "start": date("First day"),
            "end": date("Last day"),
            "recurrence": enum("How often it recurs.", ["once", "monthly", "quarterly", "yearly"]),
            "places": {"type": "array", "description": "Where it took place.", "items": ref("place")},
            "participants": string_set("Records that took part.", mixed_ref(
                ["clusters", "members", "agreements", "news"], "A participant (`cluster:okip`).")),
            "agreement": id_field("agreements", "The agreement signed at the event."),
            "note": ref("localizedText", "Details from the article."),
        },
        required=["id", "name", "event_type"],
    )
    defs["project"] = project_def()
    timestamp = {
        "type": "string",
        "oneOf": [
            {"pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "format": "date"},
            {"pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$",
             "format": "date-time"},
        ],
    }
    props = {
        "id": record_id("news"),
        "title": string("The headline as published, punctuation included.", maxLength=500),
        "lang": {"type": "string", "description": "Language of the article (ISO 639-1).", "pattern": "^[a-z]{2}$",
                 "x-check": "language"},
        "url": url("The article's canonical address."),
        "publisher": string("The site or organisation that published it."),
        "published": {**timestamp, "description": "When it was published: a date (YYYY-MM-DD) or an RFC 3339 "
                      "date-time with offset (2013-07-04T14:32:00+02:00)."},
        "modified": {**timestamp, "description": "When it was last changed, in the same forms as `published`."},
        "authors": string_set("Authors as credited.", {"type": "string", "minLength": 1}),
        "summary": ref("localizedText", "A summary in our own words (not the article's text)."),
        "about": string_set("The records the article is about (`cluster:okip`, `agreement:...`).",
                            mixed_ref(["clusters", "members", "agreements", "news"], "A record reference.")),
        "people": PEOPLE,
        "events": keyed("Events reported or announced, matched by `id`.", "event", "id"),
        "projects": keyed("Projects mentioned, matched by `id`.", "project", "id"),
        "regions": string_set("Regions the article concerns (ISO 3166-2).", REGION),
        "tags": TAGS,
        "sources": {"type": "array", "description": "Other copies of the article or pages that support its "
                    "dating. Compared whole when merging.", "items": ref("source"), "uniqueItems": True,
                    "x-merge": "set"},
    }
    return record_schema("news", "News", "An article about clusters, members or agreements: news/<id>.yaml.",
                         props, ["id", "title", "lang"], defs)


def main():
    for kind, build in [("clusters", clusters), ("members", members), ("agreements", agreements),
                        ("news", news)]:
        text_out = json.dumps(build(), ensure_ascii=False, indent=2) + "\n"
        for folder in (ROOT / "schemas", ROOT / "samples" / "schemas"):
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{kind}.schema.json").write_text(text_out, encoding="utf-8")
    # The binary carries the schemas too.
    subprocess.run([sys.executable, str(ROOT / "scripts" / "embed-schemas.py")], check=True)


if __name__ == "__main__":
    main()
