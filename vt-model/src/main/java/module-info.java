/**
 * vt-model: ViaTrajectoire's domain as immutable records (patients, dossiers, directory units, requests, answers, ESMS
 * statuses), its identifiers with their check digits, the ANS nomenclatures, Bean Validation of dossiers at the DRAFT
 * and SUBMISSION stages, the workflows, and the registry of modules ({@link io.vtsdk.model.module.VtModules}). No HTTP,
 * no FHIR.
 *
 * <p>{@code …internal} packages are not exported; the validators' package is opened to Hibernate Validator only, which
 * instantiates them. The data packages are opened to Jackson and Hibernate Validator, which read records
 * reflectively.
 */
module io.vtsdk.model {
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires transitive jakarta.validation;
  requires org.hibernate.validator;
  // Hibernate Validator interpolates the messages with the expression language; Expressly (a runtime dependency)
  // provides it as a service
  requires jakarta.el;
  requires static transitive org.apiguardian.api;

  exports io.vtsdk.model;
  exports io.vtsdk.model.actor;
  exports io.vtsdk.model.audit;
  exports io.vtsdk.model.directory;
  exports io.vtsdk.model.dossier;
  exports io.vtsdk.model.handicap;
  exports io.vtsdk.model.identity;
  exports io.vtsdk.model.identity.insi;
  exports io.vtsdk.model.json;
  exports io.vtsdk.model.module;
  exports io.vtsdk.model.nos;
  exports io.vtsdk.model.patient;
  exports io.vtsdk.model.request;
  exports io.vtsdk.model.validation;
  exports io.vtsdk.model.workflow;

  opens io.vtsdk.model to com.fasterxml.jackson.databind, org.hibernate.validator;
  opens io.vtsdk.model.actor to com.fasterxml.jackson.databind, org.hibernate.validator;
  opens io.vtsdk.model.audit to com.fasterxml.jackson.databind, org.hibernate.validator;
  opens io.vtsdk.model.directory to com.fasterxml.jackson.databind, org.hibernate.validator;
  opens io.vtsdk.model.dossier to com.fasterxml.jackson.databind, org.hibernate.validator;
  opens io.vtsdk.model.handicap to com.fasterxml.jackson.databind, org.hibernate.validator;
  opens io.vtsdk.model.identity to com.fasterxml.jackson.databind, org.hibernate.validator;
  opens io.vtsdk.model.patient to com.fasterxml.jackson.databind, org.hibernate.validator;
  opens io.vtsdk.model.request to com.fasterxml.jackson.databind, org.hibernate.validator;
  opens io.vtsdk.model.workflow to com.fasterxml.jackson.databind, org.hibernate.validator;
  opens io.vtsdk.model.validation to org.hibernate.validator; // its message bundles
  opens io.vtsdk.model.validation.internal to org.hibernate.validator;

  uses io.vtsdk.model.module.ModuleDescriptor;
  uses io.vtsdk.model.module.ModulePart;

  provides io.vtsdk.model.module.ModuleDescriptor with
      io.vtsdk.model.module.Descriptors.Sanitaire,
      io.vtsdk.model.module.Descriptors.Prado,
      io.vtsdk.model.module.Descriptors.GrandAge,
      io.vtsdk.model.module.Descriptors.Handicap,
      io.vtsdk.model.module.Descriptors.Tnd,
      io.vtsdk.model.module.HnpModule;
}
