package dev.tenantry.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/** Which failures {@link ApiExceptionHandler} treats as the client having gone away. */
class ClientGoneTest {

  @Test
  void writesToAClosedConnectionAreTheClientGoingAwayWrappedOrNot() {
    assertThat(
            ApiExceptionHandler.clientGone(
                new ClientAbortException(new IOException("Broken pipe"))))
        .isTrue();
    assertThat(
            ApiExceptionHandler.clientGone(
                new HttpMessageNotWritableException(
                    "Could not write", new ClientAbortException("Connection reset by peer"))))
        .isTrue();
    assertThat(
            ApiExceptionHandler.clientGone(
                new AsyncRequestNotUsableException("ServletOutputStream failed to write")))
        .isTrue();
  }

  @Test
  void otherIoErrorsStayServerErrors() {
    assertThat(ApiExceptionHandler.clientGone(new IOException("No space left on device")))
        .isFalse();
    assertThat(
            ApiExceptionHandler.clientGone(
                new UncheckedIOException(new IOException("Broken pipe"))))
        .as("a broken pipe Tomcat did not mark as the client's (e.g. to the database)")
        .isFalse();
    assertThat(ApiExceptionHandler.clientGone(new IllegalStateException("bug"))).isFalse();
  }
}
