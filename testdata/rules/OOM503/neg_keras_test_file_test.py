import keras


class SpectrogramTest:
    # a test builds a small model per parameter set on purpose
    def test_output_shapes(self):
        for n_fft in [16, 32, 64]:
            model = keras.Sequential([keras.layers.STFTSpectrogram(frame_length=n_fft)])
            assert model.output_shape[-1] == n_fft // 2 + 1
