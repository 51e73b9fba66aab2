package io.vtsdk.fhir.validation;

import io.vtsdk.model.nos.Concept;
import io.vtsdk.model.nos.Nomenclatures;
import io.vtsdk.model.nos.NosTable;
import java.util.List;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * The SDO terminology as FHIR resources, built from the NOS tables vt-model ships (one source): the code systems
 * TRE_R357 and TRE_R358, and the value sets sdo-task binds its statuses and motifs to (JDV_J250 to J253), with the
 * canonical URLs of the bindings. Not API.
 */
final class SdoTerminology {
  private SdoTerminology() {}

  static final List<NosTable> CODE_SYSTEMS = List.of(NosTable.R357, NosTable.R358);
  static final List<NosTable> VALUE_SETS = List.of(NosTable.J250, NosTable.J251, NosTable.J252, NosTable.J253);

  static CodeSystem codeSystem(NosTable table) {
    CodeSystem cs = new CodeSystem().setUrl(table.url()).setName(table.name())
        .setStatus(Enumerations.PublicationStatus.ACTIVE).setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
    if (table.version() != null) {
      cs.setVersion(table.version());
    }
    for (Concept c : Nomenclatures.get(table).concepts()) {
      cs.addConcept().setCode(c.code()).setDisplay(c.display());
    }
    return cs;
  }

  static ValueSet valueSet(NosTable table) {
    ValueSet vs = new ValueSet().setUrl(table.url()).setName(table.name())
        .setStatus(Enumerations.PublicationStatus.ACTIVE);
    ValueSet.ConceptSetComponent include = vs.getCompose().addInclude().setSystem(table.codeSystemUrl());
    for (Concept c : Nomenclatures.get(table).concepts()) {
      include.addConcept().setCode(c.code()).setDisplay(c.display());
    }
    return vs;
  }
}
