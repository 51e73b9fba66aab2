package io.vtsdk.client;

import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;

/** The console tests' browser, for the tests of other packages. */
public final class ConsoleBrowserAccess {
  private ConsoleBrowserAccess() {}

  public static ChromeDriver chromium(Path profile) {
    return ConsoleBrowserTest.chromium(profile);
  }
}
