package dev.oomlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.ToolComponent;
import com.google.gson.Gson;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifJsonTest {
  private static String compact(Object value) {
    return new Gson().toJson(SarifJson.tree(value));
  }

  @Test
  void enumsAreWrittenAsTheSchemaSpellsThem() {
    assertEquals("{\"level\":\"error\"}", compact(new Result().withLevel(Result.Level.ERROR)));
    assertEquals("{\"level\":\"note\"}", compact(new Notification().withLevel(Notification.Level.NOTE)));
    assertEquals("{\"results\":[],\"columnKind\":\"utf16CodeUnits\"}",
        compact(new Run().withColumnKind(Run.ColumnKind.UTF_16_CODE_UNITS).withResults(List.of())));
    assertEquals("{\"version\":\"2.1.0\"}", compact(new SarifSchema210().withVersion(SarifSchema210.Version._2_1_0)));
  }

  @Test
  void anExplicitLevelIsKeptEvenWhenItIsTheDefault() {
    assertEquals("{\"level\":\"warning\"}",
        compact(new ReportingConfiguration().withEnabled(null).withLevel(ReportingConfiguration.Level.WARNING)));
    assertEquals("{\"level\":\"warning\"}", compact(new Result()));
  }

  @Test
  void enabledIsKeptEvenWhenItIsTheDefault() {
    // a rule configuration override that turns a rule on must say so
    assertEquals("{\"enabled\":true}", compact(new ReportingConfiguration().withEnabled(true).withLevel(null)));
    assertEquals("{\"enabled\":false}", compact(new ReportingConfiguration().withEnabled(false).withLevel(null)));
  }

  @Test
  void propertyBagsAreFlat() {
    PropertyBag bag = new PropertyBag().withTags(new LinkedHashSet<>(List.of("memory")));
    bag.setAdditionalProperty("precision", "high");
    bag.setAdditionalProperty("problem.severity", "warning");
    bag.setAdditionalProperty("count", 3);
    assertEquals("{\"tags\":[\"memory\"],\"count\":3,\"precision\":\"high\",\"problem.severity\":\"warning\"}", compact(bag));
    assertEquals(null, SarifJson.tree(new PropertyBag()));
  }

  @Test
  void nullsDefaultsAndEmptyCollectionsAreLeftOutUrisAreStrings() {
    ToolComponent driver = new ToolComponent().withName("oomlint").withInformationUri(URI.create("https://x.org/a%20b"))
        .withNotifications(new LinkedHashSet<>());
    assertEquals("{\"name\":\"oomlint\",\"informationUri\":\"https://x.org/a%20b\"}", compact(driver));
    // GitHub requires tool.driver.rules even when no rule is enabled
    assertEquals("{\"name\":\"x\",\"rules\":[]}", compact(new ToolComponent().withName("x").withRules(new LinkedHashSet<>())));
    assertEquals("{\"schema\":\"x\"}".replace("schema", "$schema"), compact(new SarifSchema210().with$schema(URI.create("x"))));
  }

  @Test
  void onlyModelObjectsAreAccepted() {
    assertThrows(IllegalArgumentException.class, () -> SarifJson.tree(new Object()));
  }

  /**
   * oomlint ships without Jackson: serialize in a class loader that sees oomlint, java-sarif and
   * Gson but not jackson-annotations, where the model's annotations are not even loadable.
   */
  @Test
  void worksWithoutJacksonOnTheClassPath() throws Exception {
    URL[] urls = {location(SarifJson.class), location(Result.class), location(Gson.class)};
    try (URLClassLoader isolated = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
      assertThrows(ClassNotFoundException.class, () -> isolated.loadClass("com.fasterxml.jackson.annotation.JsonProperty"));
      Class<?> resultClass = isolated.loadClass("com.contrastsecurity.sarif.Result");
      assertEquals(0, resultClass.getDeclaredField("level").getAnnotations().length);
      Class<?> levelClass = isolated.loadClass("com.contrastsecurity.sarif.Result$Level");
      Object result = resultClass.getConstructor().newInstance();
      resultClass.getMethod("setLevel", levelClass).invoke(result, levelClass.getMethod("fromValue", String.class).invoke(null, "note"));
      resultClass.getMethod("setRuleId", String.class).invoke(result, "OOM901");
      Class<?> json = isolated.loadClass("dev.oomlint.report.SarifJson");
      Method gson = json.getDeclaredMethod("gson");
      gson.setAccessible(true);
      Object instance = gson.invoke(null);
      String text = (String) instance.getClass().getMethod("toJson", Object.class).invoke(instance, result);
      assertEquals("{\n  \"ruleId\": \"OOM901\",\n  \"level\": \"note\"\n}", text);
    }
  }

  private static URL location(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }
}
