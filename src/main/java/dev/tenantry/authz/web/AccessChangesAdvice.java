package dev.tenantry.authz.web;

import dev.tenantry.authz.AccessChangeList;
import dev.tenantry.authz.access.AccessChanges;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wire side of {@link AccessChanges}: takes {@code acceptAccessChanges} out of any JSON object
 * body (so that no request type has to declare it), and adds the accepted list of a structural
 * change to its answer as {@code accessChanges} (and its digest as the {@code Access-Changes}
 * header).
 */
@RestControllerAdvice
class AccessChangesAdvice extends RequestBodyAdviceAdapter implements ResponseBodyAdvice<Object> {
  static final String DIGEST_HEADER = "Access-Changes";

  private final JsonMapper json;

  AccessChangesAdvice(JsonMapper json) {
    this.json = json;
  }

  @Override
  public boolean supports(
      MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> type) {
    return true;
  }

  @Override
  public HttpInputMessage beforeBodyRead(
      HttpInputMessage input,
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType)
      throws IOException {
    MediaType type = input.getHeaders().getContentType();
    if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
      return input;
    }
    byte[] body = input.getBody().readAllBytes();
    JsonNode tree;
    try {
      tree = json.readTree(body);
    } catch (JacksonException e) {
      return replay(input, body); // let the converter report the malformed body as usual
    }
    if (tree instanceof ObjectNode o && o.has(AccessChanges.FIELD)) {
      JsonNode accepted = o.remove(AccessChanges.FIELD);
      if (accepted.isString()) {
        currentRequest(input).setAttribute(AccessChanges.ACCEPTED_ATTRIBUTE, accepted.asString());
      }
      return replay(input, json.writeValueAsBytes(o));
    }
    return replay(input, body);
  }

  @Override
  public boolean supports(
      MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public @Nullable Object beforeBodyWrite(
      @Nullable Object body,
      MethodParameter returnType,
      MediaType contentType,
      Class<? extends HttpMessageConverter<?>> converterType,
      ServerHttpRequest request,
      ServerHttpResponse response) {
    if (!(request instanceof ServletServerHttpRequest r)
        || !(r.getServletRequest().getAttribute(AccessChanges.LIST_ATTRIBUTE)
            instanceof AccessChangeList list)) {
      return body;
    }
    response.getHeaders().set(DIGEST_HEADER, list.digest());
    if (body == null
        || body instanceof ProblemDetail
        || !contentType.isCompatibleWith(MediaType.APPLICATION_JSON)) {
      return body;
    }
    JsonNode tree = json.valueToTree(body);
    if (tree instanceof ObjectNode o) {
      o.set("accessChanges", json.valueToTree(list));
      return o;
    }
    return body;
  }

  private static jakarta.servlet.http.HttpServletRequest currentRequest(HttpInputMessage input) {
    return ((org.springframework.web.context.request.ServletRequestAttributes)
            org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes())
        .getRequest();
  }

  private static HttpInputMessage replay(HttpInputMessage input, byte[] body) {
    return new HttpInputMessage() {
      @Override
      public InputStream getBody() {
        return new ByteArrayInputStream(body);
      }

      @Override
      public HttpHeaders getHeaders() {
        return input.getHeaders();
      }
    };
  }
}
