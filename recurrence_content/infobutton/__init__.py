"""An HL7 Infobutton (URL-based) endpoint that answers an EHR's request for
patient education by clinical code, as MedlinePlus Connect does, with the
hospital's own articles. See docs/ehr.md."""
