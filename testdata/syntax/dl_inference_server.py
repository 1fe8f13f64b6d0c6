import json
from http.server import BaseHTTPRequestHandler


class Handler(BaseHTTPRequestHandler):
    model = None

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        payload = json.loads(self.rfile.read(length) or b"{}")
        inputs = payload.get("inputs", [])
        with torch.inference_mode():
            outputs = self.model(torch.tensor(inputs)).tolist()
        body = json.dumps({"outputs": outputs}).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)
