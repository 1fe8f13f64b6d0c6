from transformers import AutoModelForCausalLM


def test_int8_loading():
    # a test loads a tiny model to check the quantized path: no memory at stake
    model = AutoModelForCausalLM.from_pretrained("EleutherAI/pythia-160m", load_in_8bit=True)
    assert model.is_loaded_in_8bit
