package hongniang.support;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** A small HTTP client for tests: real requests to the running server, replies as {@link Reply}. */
public final class Api {

  private final BlockingHttpClient client;
  private final JsonMapper json;

  public Api(HttpClient client, JsonMapper json) {
    this.client = client.toBlocking();
    this.json = json;
  }

  /** Logs in and returns the bearer token; fails the test if the login is refused. */
  public String login(String username, String password) {
    Reply reply = send(HttpRequest.POST("/api/v1/login", new Login(username, password)), null);
    if (reply.status() != 200) {
      throw new AssertionError("login of " + username + " failed: " + reply);
    }
    return reply.str("access_token");
  }

  public Reply get(String path, String token) {
    return send(HttpRequest.GET(path), token);
  }

  public Reply post(String path, Object body, String token) {
    return send(HttpRequest.POST(path, body), token);
  }

  public Reply put(String path, Object body, String token) {
    return send(HttpRequest.PUT(path, body), token);
  }

  public Reply patch(String path, Object body, String token) {
    return send(HttpRequest.PATCH(path, body), token);
  }

  public Reply delete(String path, String token) {
    return send(HttpRequest.DELETE(path), token);
  }

  /** Posts a raw body with the given content type (CSV, or JSON text with unknown fields). */
  public Reply postRaw(String path, String body, MediaType type, String token) {
    return send(HttpRequest.POST(path, body).contentType(type), token);
  }

  /** Posts raw bytes (a GBK text, an XLSX workbook) with the given content type. */
  public Reply postBytes(String path, byte[] body, MediaType type, String token) {
    return send(HttpRequest.POST(path, body).contentType(type), token);
  }

  /** Posts a file as the {@code file} part of a form, as a browser's file input sends it. */
  public Reply postFile(String path, String fileName, MediaType type, byte[] file, String token) {
    MultipartBody form = MultipartBody.builder().addPart("file", fileName, type, file).build();
    return send(
        HttpRequest.POST(path, form).contentType(MediaType.MULTIPART_FORM_DATA_TYPE), token);
  }

  /** GETs a file: the response with its bytes and headers, whatever its status. */
  public HttpResponse<byte[]> download(String path, String token) {
    MutableHttpRequest<?> request =
        HttpRequest.GET(path).bearerAuth(token).accept(MediaType.ALL_TYPE);
    try {
      return client.exchange(request, Argument.of(byte[].class), Argument.of(byte[].class));
    } catch (HttpClientResponseException e) {
      @SuppressWarnings("unchecked")
      HttpResponse<byte[]> response = (HttpResponse<byte[]>) e.getResponse();
      return response;
    }
  }

  /** Sends the request asking for a language by {@code Accept-Language}, e.g. {@code en}. */
  public Reply send(MutableHttpRequest<?> request, String token, String language) {
    return send(request.header(HttpHeaders.ACCEPT_LANGUAGE, language), token);
  }

  /** Posts a JSON text as written: wrong types, truncated, hostile. */
  public Reply postJson(String path, String json, String token, String language) {
    MutableHttpRequest<String> request =
        HttpRequest.POST(path, json).contentType(MediaType.APPLICATION_JSON_TYPE);
    return language == null ? send(request, token) : send(request, token, language);
  }

  public Reply send(MutableHttpRequest<?> request, String token) {
    if (token != null) {
      request.bearerAuth(token);
    }
    if (!request.getHeaders().contains(HttpHeaders.ACCEPT)) {
      request.accept(MediaType.APPLICATION_JSON_TYPE, MediaType.of("application/problem+json"));
    }
    try {
      HttpResponse<byte[]> response = client.exchange(request, Argument.of(byte[].class));
      return reply(response);
    } catch (HttpClientResponseException e) {
      return reply(e.getResponse());
    }
  }

  private Reply reply(HttpResponse<?> response) {
    byte[] bytes = response.getBody(Argument.of(byte[].class)).orElse(new byte[0]);
    String text = new String(bytes, StandardCharsets.UTF_8);
    String type = response.getContentType().map(MediaType::toString).orElse("");
    Object parsed = null;
    if (!text.isBlank()
        && (type.contains("json") || text.startsWith("{") || text.startsWith("["))) {
      try {
        parsed = json.readValue(bytes, Argument.OBJECT_ARGUMENT);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Map<String, String> headers = new HashMap<>();
    response
        .getHeaders()
        .forEach(
            (name, values) ->
                headers.putIfAbsent(
                    name.toLowerCase(Locale.ROOT), values.isEmpty() ? "" : values.get(0)));
    return new Reply(response.getStatus().getCode(), type, text, parsed, headers);
  }
}
