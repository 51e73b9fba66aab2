package io.vtsdk.core.internal;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** vt-core's messages: French by default, English on request. Not API. */
public final class Messages {
  private Messages() {}

  public static String get(String code, Locale locale) {
    Locale l = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT;
    try {
      return ResourceBundle.getBundle("io.vtsdk.core.messages", l, ResourceBundle.Control.getNoFallbackControl(
          ResourceBundle.Control.FORMAT_PROPERTIES)).getString(code);
    } catch (MissingResourceException e) {
      return code;
    }
  }
}
