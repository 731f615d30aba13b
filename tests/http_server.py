#!/usr/bin/env python3
"""A test server for the http: and llm: backends (standard library only).

Usage: http_server.py TOKEN
Listens on 127.0.0.1 on a port of the system's choosing, prints "PORT <n>"
and serves until killed:

  POST /extract               an extraction service (SPEC section 5)
  POST /v1/chat/completions   an OpenAI-compatible chat-completions endpoint
  GET  /state                 what it saw: hits per article, connections,
                              requests in flight at most, hit times, bodies
  GET  /reset                 the same, and starts counting requests in flight anew

Requests must carry "Authorization: Bearer TOKEN" (else 401). The article id
decides how it behaves; on the chat endpoint the id is read from the prompt's
"Article: <id>" line. By the id's prefix:

  ok-      a canned prediction (one actor, "Ana"), after `wait` seconds (0.2)
  slow-    answers after 4 s (beyond the tests' timeout)
  r429-    429 with Retry-After: 1 on the first hit, then ok
  r500-    500 on the first hit, then ok
  dead500- 500 forever
  drop-    closes the connection without answering on the first hit, then ok
  dropall- closes the connection without answering, always
  e404-    404 with a JSON error, never to be tried again
  echo401- 401 whose body quotes the Authorization header it got
  badjson- 200 with a body that is not JSON
  notpred- 200 with JSON that is not a prediction
  error-   200 with {"article", "error"} (the service's own failure)
  huge-    200 with 17 MiB
  fence-   (chat) the prediction in a ```json fenced block, after some prose
  cut-     (chat) prose cut short, finish_reason "length"
"""
import json
import re
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOKEN = sys.argv[1]
lock = threading.Lock()
state = {"hits": {}, "times": {}, "connections": 0, "in_flight": 0, "max_in_flight": 0,
         "bodies": {}, "paths": {}}


def prediction(article):
    return {"article": article, "actors": [{"name": "Ana", "type": "person"}],
            "counts": [], "dates": [], "claims": []}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: connections are reused

    def setup(self):
        super().setup()
        with lock:
            state["connections"] += 1

    def log_message(self, fmt, *args):
        pass

    def send(self, status, body, headers=None):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def drop(self):
        self.close_connection = True
        self.connection.shutdown(socket.SHUT_RDWR)

    def do_GET(self):
        if self.path not in ("/state", "/reset"):
            return self.send(404, {"error": "no such page"})
        with lock:
            if self.path == "/reset":
                state["max_in_flight"] = 0
            self.send(200, state)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length)
        try:
            body = json.loads(raw)
        except ValueError:
            return self.send(400, {"error": "request is not JSON"})
        chat = self.path == "/v1/chat/completions"
        if chat:
            user = body["messages"][-1]["content"]
            found = re.search(r"Article: (\S+)", user)
            article = found.group(1) if found else "?"
        elif self.path == "/extract":
            article = body.get("article", "?")
        else:
            return self.send(404, {"error": "no such endpoint"})
        key = ("chat:" if chat else "extract:") + article
        with lock:
            state["hits"][key] = state["hits"].get(key, 0) + 1
            state["times"].setdefault(key, []).append(time.monotonic())
            state["bodies"][key] = body
            state["in_flight"] += 1
            state["max_in_flight"] = max(state["max_in_flight"], state["in_flight"])
            hit = state["hits"][key]
        try:
            self.answer(article, hit, chat, body)
        finally:
            with lock:
                state["in_flight"] -= 1

    def answer(self, article, hit, chat, body):
        auth = self.headers.get("Authorization", "")
        if article.startswith("echo401-"):
            return self.send(401, {"error": {"message": f"bad credentials: {auth}"}})
        if auth != f"Bearer {TOKEN}" or self.headers.get("X-Static") != "static-value":
            return self.send(401, {"error": "missing or wrong credentials"})
        kind = article.split("-")[0]
        if kind == "slow":
            time.sleep(4)
        elif kind == "ok":
            time.sleep(0.2)
        if kind == "r429" and hit == 1:
            return self.send(429, {"error": "slow down"}, {"Retry-After": "1"})
        if kind == "r500" and hit == 1 or kind == "dead500":
            return self.send(500, {"error": "internal error"})
        if kind == "drop" and hit == 1 or kind == "dropall":
            return self.drop()
        if kind == "e404":
            return self.send(404, {"error": {"message": "model not found"}})
        if kind == "badjson":
            return self.send(200, b"this is {not json")
        if kind == "huge":
            return self.send(200, b"[" + b" " * (17 << 20) + b"]")
        if chat:
            return self.chat(article, kind, body)
        if kind == "notpred":
            return self.send(200, {"article": article, "actors": "not a list"})
        if kind == "error":
            return self.send(200, {"article": article, "error": "cannot handle this"})
        return self.send(200, prediction(article))

    def chat(self, article, kind, body):
        content = json.dumps(prediction(article))
        finish = "stop"
        if kind == "fence":
            content = "Here it is:\n```json\n" + json.dumps(prediction(article), indent=2) + "\n```\n"
        elif kind == "notpred":
            content = "I am sorry, I cannot extract anything from this."
        elif kind == "cut":
            content, finish = '{"actors": [{"name": "An', "length"
        elif kind == "error":
            content = json.dumps({"error": "cannot handle this"})
        prompt_tokens = len(body["messages"][-1]["content"].split())
        self.send(200, {
            "id": "chatcmpl-test", "object": "chat.completion", "model": body.get("model"),
            "choices": [{"index": 0, "finish_reason": finish,
                         "message": {"role": "assistant", "content": content}}],
            "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": 42,
                      "total_tokens": prompt_tokens + 42},
        })


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # clients that gave up are normal
            super().handle_error(request, client_address)


def main():
    server = Server(("127.0.0.1", 0), Handler)
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
