package dev.oomlint.rules.checks;

import dev.oomlint.rules.Rule;
import java.util.List;

/** Every built-in rule, in code order. Explicit (no class-path scanning) to keep start-up fast. */
public final class RuleRegistry {
  private RuleRegistry() {}

  private static final List<Rule> ALL = List.of(
      // rules are added here, one line each
      new GraphKeptInContainer(),
      new GraphKeptByAccumulation(),
      new RetainGraphInLoop(),
      new LossesSummedBeforeBackward(),
      new MissingZeroGrad(),
      new ZeroGradBetweenBackwardAndStep(),
      new InferenceWithoutNoGrad(),
      new GpuOutputsAccumulated(),
      new TrainerEvalLogitsOnGpu(),
      new GenerationStateWithGrad(),
      new ModelLoadedInLoop(),
      new TorchLoadWithoutMapLocation(),
      new FullPrecisionLoad(),
      new VramBudgetExceeded(),
      new ModelReloadedWithoutRelease(),
      new WholeCheckpointToGpu(),
      new DeprecatedCudaAmp(),
      new DeprecatedQuantizationKwargs(),
      new KerasModelsInLoopWithoutClearSession(),
      new EmptyCacheInTrainingLoop(),
      new KerasPredictInLoop(),
      new TfFunctionRetracing(),
      new TfGpuMemoryNotLimited(),
      new TrainingWithoutMixedPrecision()
  );

  public static List<Rule> all() {
    return ALL;
  }
}
