from transformers import AutoModelForCausalLM


class Server:
    def reload(self, path):
        # error: OOM401 "self.model"
        self.model = AutoModelForCausalLM.from_pretrained(path, device_map="auto")

    def answer(self, prompt):
        return self.model.generate(prompt)


server = Server()
while True:
    request = queue.get()
    server.reload(request.model_path)
    request.reply(server.answer(request.prompt))
