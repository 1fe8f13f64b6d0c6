package dev.oomlint.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The bundled catalogue is internally consistent, and its counts agree with the architectures it records. */
class CatalogueTest {
  private final Catalogue cat = Catalogue.builtIn();

  @Test
  void everyTransformerCountIsWhatItsArchitectureGives() {
    int checked = 0;
    for (Catalogue.Entry e : cat.entries()) {
      if (e.architecture() != null) {
        assertTrue(e.exact(), e.ids().toString());
        assertEquals(e.parameters(), e.architecture().parameters(), e.ids().get(0));
        checked++;
      }
    }
    assertTrue(checked >= 37, "architectures checked: " + checked);
  }

  @Test
  void diffusionComponentsAddUp() {
    int pipelines = 0;
    for (Catalogue.Entry e : cat.entries()) {
      if (e.kind().equals("diffusion") && !e.components().isEmpty()) {
        long sum = e.components().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(e.parameters(), sum, e.ids().get(0));
        assertTrue(e.resolution() > 0, e.ids().get(0));
        pipelines++;
      }
    }
    assertEquals(4, pipelines);
  }

  @Test
  void everyEntryNamesItsSourceAndNoIdRepeats() {
    Set<String> seen = new HashSet<>();
    for (Catalogue.Entry e : cat.entries()) {
      assertFalse(e.source().isBlank(), e.ids().toString());
      assertTrue(e.parameters() > 0);
      for (String id : e.ids()) {
        assertTrue(seen.add(id), "duplicate id " + id);
      }
    }
  }

  @Test
  void theFamiliesTheIssueAsksForAreCatalogued() {
    for (String id : List.of("meta-llama/Llama-2-7b-hf", "meta-llama/Meta-Llama-3-8B", "meta-llama/Llama-3.2-1B",
        "mistralai/Mistral-7B-v0.1", "mistralai/Mixtral-8x7B-v0.1", "Qwen/Qwen2.5-7B-Instruct", "google/gemma-2-9b",
        "microsoft/Phi-3-mini-4k-instruct", "gpt2", "bert-base-uncased", "roberta-base", "t5-small",
        "google/flan-t5-xl", "google/vit-base-patch16-224", "openai/clip-vit-large-patch14", "openai/whisper-small",
        "resnet50", "runwayml/stable-diffusion-v1-5", "stabilityai/stable-diffusion-xl-base-1.0",
        "stabilityai/stable-diffusion-3-medium-diffusers", "black-forest-labs/FLUX.1-dev")) {
      assertNotNull(cat.find(id), id);
    }
  }

  @Test
  void findMatchesTheWholeIdOrItsName() {
    assertEquals(6_738_415_616L, cat.find("meta-llama/Llama-2-7b-hf").parameters());
    assertEquals(6_738_415_616L, cat.find("TheBloke/LLAMA-2-7B-HF").parameters());
    assertEquals(124_439_808L, cat.find("openai-community/gpt2").parameters());
    assertNull(cat.find("meta-llama/Llama-2-7b-hf-finetuned"));
    assertNull(cat.find(null));
  }

  @Test
  void sizeTags() {
    assertEquals(7_000_000_000L, Catalogue.sizeTag("someone/my-model-7b"));
    assertEquals(1_500_000_000L, Catalogue.sizeTag("org/tiny-1.5B-chat"));
    assertEquals(350_000_000L, Catalogue.sizeTag("facebook/opt-350m"));
    assertEquals(56_000_000_000L, Catalogue.sizeTag("org/moe-8x7b"));
    assertEquals(-1, Catalogue.sizeTag("org/model-v2"));
    assertEquals(-1, Catalogue.sizeTag("bert-base-uncased"));
    assertEquals(-1, Catalogue.sizeTag("org/gpt4b")); // a tag must stand on its own
  }

  @Test
  void malformedLinesAreRejected() {
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> Catalogue.parse("a | 1 | exact | float32 | llm\n"));
    assertTrue(e.getMessage().contains("catalogue.txt:1"), e.getMessage());
  }
}
