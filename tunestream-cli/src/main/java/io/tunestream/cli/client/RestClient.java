package io.tunestream.cli.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;

import io.tunestream.contracts.Json;

/** JSON over HTTP for the typed clients: one place for timeouts, status handling and mapping. */
final class RestClient {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final String service;
    private final URI base;
    private final HttpClient http;
    /** Sent as {@code Authorization: Bearer <token>} on every request; never printed. */
    private final Optional<String> token;

    RestClient(String service, URI base) {
        this(service, base, Optional.empty());
    }

    RestClient(String service, URI base, Optional<String> token) {
        this.service = service;
        this.base = base;
        this.token = java.util.Objects.requireNonNull(token, "token").map(String::trim).filter(t -> !t.isEmpty());
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    URI base() {
        return base;
    }

    /** GET; empty on 404; {@link ServiceUnavailableException} on anything else but 2xx. */
    <T> Optional<T> get(String path, JavaType type) {
        var response = send(HttpRequest.newBuilder(base.resolve(path)).GET());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        requireSuccess(response, "GET " + path);
        return Optional.of(read(response, type, "GET " + path));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        request.timeout(REQUEST_TIMEOUT).header("Accept", "application/json");
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        var built = request.build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServiceUnavailableException(service + " at " + base + " is unreachable (" + built.method() + " "
                    + built.uri().getPath() + "): " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("interrupted while calling " + service, e);
        }
    }

    void requireSuccess(HttpResponse<String> response, String what) {
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new ServiceUnavailableException(service + " refused " + what + " (HTTP " + response.statusCode() + "): "
                    + (token.isPresent() ? "the API token was not accepted" : "it needs an API token")
                    + "; pass --token or set " + ApiToken.ENV + " (" + abbreviate(response.body()) + ")");
        }
        if (response.statusCode() / 100 != 2) {
            throw new ServiceUnavailableException(service + " answered " + what + " with HTTP " + response.statusCode()
                    + ": " + abbreviate(response.body()));
        }
    }

    <T> T read(HttpResponse<String> response, JavaType type, String what) {
        try {
            return Json.mapper().readValue(response.body(), type);
        } catch (JsonProcessingException e) {
            throw new ServiceUnavailableException(service + " answered " + what + " with JSON the CLI cannot read: "
                    + e.getOriginalMessage() + " (body: " + abbreviate(response.body()) + ")", e);
        }
    }

    static JavaType type(Class<?> type) {
        return Json.mapper().constructType(type);
    }

    private static String describe(IOException e) {
        var message = e.getMessage();
        return (message == null || message.isBlank()) ? e.getClass().getSimpleName() : message;
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        var oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }
}
