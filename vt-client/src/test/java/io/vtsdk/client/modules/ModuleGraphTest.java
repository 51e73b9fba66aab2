package io.vtsdk.client.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The published modules as JPMS modules, beyond what the compiler checked: their descriptors resolve against their
 * dependencies' jars, they export their API and not their {@code internal} packages, and, loaded in a module layer of
 * their own, Jackson reads their records, Hibernate Validator validates them and the registry finds every module's
 * descriptor and rule sets through {@code provides}. (The other tests run on the class path.)
 */
class ModuleGraphTest {
  static final List<String> PUBLISHED = List.of("io.vtsdk.model", "io.vtsdk.rules", "io.vtsdk.api", "io.vtsdk.core",
      "io.vtsdk.client");

  /**
   * The test class path's jars and class directories (surefire's property: the JVM's own is a booter jar), but test
   * code and the few old jars no module name can be derived from (none of them is a dependency of these modules).
   */
  private static Path[] classPath() {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(cp.split(File.pathSeparator)).map(Path::of).filter(Files::exists)
        .filter(p -> !p.toString().contains("test-classes") && !p.getFileName().toString().contains("-tests.jar"))
        .filter(ModuleGraphTest::isModule).toArray(Path[]::new);
  }

  private static boolean isModule(Path entry) {
    try {
      ModuleFinder.of(entry).findAll();
      return true;
    } catch (java.lang.module.FindException e) {
      return false;
    }
  }

  private static Configuration resolve() {
    return ModuleLayer.boot().configuration().resolveAndBind(ModuleFinder.of(classPath()), ModuleFinder.of(),
        Set.copyOf(PUBLISHED));
  }

  @Test
  void thePublishedModulesResolveAndExportNoInternalPackage() {
    Configuration graph = resolve();
    for (String name : PUBLISHED) {
      ModuleDescriptor d = graph.findModule(name).orElseThrow().reference().descriptor();
      assertThat(d.isAutomatic()).as(name + " has a descriptor").isFalse();
      Set<String> exported = d.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
          .collect(Collectors.toSet());
      assertThat(exported).as(name).isNotEmpty().allSatisfy(p -> assertThat(p).doesNotContain("internal"));
      assertThat(d.packages().stream().filter(p -> p.contains("internal"))).as(name + " keeps its internals")
          .allSatisfy(p -> assertThat(exported).doesNotContain(p));
    }
    assertThat(graph.findModule("io.vtsdk.core").orElseThrow().reference().descriptor().exports())
        .extracting(ModuleDescriptor.Exports::source).contains("io.vtsdk.core", "io.vtsdk.core.spi");
  }

  @Test
  void inALayerOfTheirOwnTheModulesReadValidateAndFindEveryModule() throws Exception {
    ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(resolve(), ClassLoader.getPlatformClassLoader());
    ClassLoader loader = layer.findLoader("io.vtsdk.model");
    Class<?> module = loader.loadClass("io.vtsdk.model.VtModule");
    assertThat(module.getModule().getName()).isEqualTo("io.vtsdk.model");
    assertThat((Object[]) module.getMethod("values").invoke(null)).as("descriptors found through provides")
        .hasSize(6);
    Class<?> engine = loader.loadClass("io.vtsdk.rules.RuleEngine");
    Object rules = engine.getMethod("standard").invoke(null);
    assertThat(rules.toString()).isNotBlank();
    Class<?> sets = loader.loadClass("io.vtsdk.rules.sets.StandardRuleSets");
    assertThat((List<?>) sets.getMethod("all").invoke(null)).as("rule sets found through provides").isNotEmpty();

    // Jackson reads a record of the model, Hibernate Validator validates it (the packages are opened to them)
    Class<?> json = loader.loadClass("io.vtsdk.model.json.VtJson");
    Class<?> dossierType = loader.loadClass("io.vtsdk.model.dossier.Dossier");
    Method fromJson = json.getMethod("fromJson", String.class, Class.class);
    Object dossier = fromJson.invoke(null, "{\"id\":\"D-1\",\"module\":\"PRADO\",\"patient\":{\"birthName\":\"X\","
        + "\"address\":{\"postalCode\":\"6\"}}}", dossierType);
    Class<?> validatorType = loader.loadClass("io.vtsdk.model.validation.DossierValidator");
    Object builder = validatorType.getMethod("builder").invoke(null);
    Object validator = builder.getClass().getMethod("build").invoke(builder);
    Class<?> stage = loader.loadClass("io.vtsdk.model.validation.Stage");
    Object draft = stage.getField("DRAFT").get(null);
    Object report = validatorType.getMethod("validate", Object.class, stage, Locale.class)
        .invoke(validator, dossier, draft, Locale.ENGLISH);
    Object violations = report.getClass().getMethod("violations").invoke(report);
    assertThat(violations.toString()).contains("/patient/address/postalCode");
  }
}
