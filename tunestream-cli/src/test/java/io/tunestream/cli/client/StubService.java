package io.tunestream.cli.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A stub HTTP service (public: the study commands' tests use it too) on a free loopback port: answers each {@code "METHOD /path?query"} with scripted answers. */
public final class StubService implements AutoCloseable {

    public record Answer(int status, String body) {
    }

    /** What the stub received for one request line. */
    public record Received(String contentType, String body, String authorization) {
    }

    private final HttpServer server;
    private final Map<String, List<Answer>> answers = new ConcurrentHashMap<>();
    private final Map<String, Received> received = new ConcurrentHashMap<>();
    private final Map<String, String> authorizations = new ConcurrentHashMap<>();

    public StubService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers {@code request} with the given answers in turn; the last one repeats. */
    public StubService answer(String request, Answer... sequence) {
        answers.put(request, new ArrayList<>(List.of(sequence)));
        return this;
    }

    public Received received(String request) {
        return received.get(request);
    }

    /** The {@code Authorization} header of the last such request; empty string when it had none. */
    String authorization(String request) {
        return authorizations.get(request);
    }

    private void handle(HttpExchange exchange) throws IOException {
        var key = exchange.getRequestMethod() + " " + exchange.getRequestURI();
        var authorization = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.put(key, authorization == null ? "" : authorization);
        received.put(key, new Received(exchange.getRequestHeaders().getFirst("Content-Type"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                exchange.getRequestHeaders().getFirst("Authorization")));
        var sequence = answers.getOrDefault(key, List.of(new Answer(404, "{\"error\":\"nothing here\"}")));
        Answer answer;
        synchronized (sequence) {
            answer = sequence.size() > 1 ? sequence.remove(0) : sequence.get(0);
        }
        var bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
