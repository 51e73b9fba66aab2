package io.vtsdk.model.validation;

import io.vtsdk.model.handicap.EsmsStatus;

/** Gives other test packages the ESMS status fixture. */
public final class ResponseAndStatusValidationTestAccess {
  private ResponseAndStatusValidationTestAccess() {}

  public static EsmsStatus status() {
    return ResponseAndStatusValidationTest.unit("182", null);
  }
}
