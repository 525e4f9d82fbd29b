"""A CDS Hooks 2.0 service that answers an EHR's ``patient-view`` hook with
cards linking to the hospital's own articles for the patient's active
conditions. See docs/ehr.md."""
