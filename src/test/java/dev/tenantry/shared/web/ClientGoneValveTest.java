package dev.tenantry.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What {@link ClientGoneValve} says, and what it leaves alone: a write that failed because the
 * client went away is one DEBUG line; an exception (a template error) goes on to Tomcat untouched
 * (Tomcat logs it as an ERROR and answers with the 500 page), and a request whose client stayed
 * gets no line.
 */
class ClientGoneValveTest {
  private final Logger logger = (Logger) LoggerFactory.getLogger(ClientGoneValve.class);
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private Level before;

  @BeforeEach
  void listen() {
    before = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    events.start();
    logger.addAppender(events);
  }

  @AfterEach
  void stop() {
    logger.detachAppender(events);
    logger.setLevel(before);
  }

  private static Request request() {
    org.apache.coyote.Request coyote = new org.apache.coyote.Request();
    coyote.method().setString("GET");
    coyote.requestURI().setString("/library/scripts/1");
    return new Request(new Connector(), coyote);
  }

  private static ClientGoneValve valve(ValveBase next) {
    ClientGoneValve valve = new ClientGoneValve();
    valve.setNext(next);
    return valve;
  }

  @Test
  void aWriteTheClientNeverReceivedIsOneDebugLine() throws Exception {
    Response response = new Response(new org.apache.coyote.Response());
    valve(
            new ValveBase() {
              @Override
              public void invoke(Request request, Response r) {
                // what Tomcat's writer does when the socket write fails: note it, do not throw
                r.getCoyoteResponse().setErrorException(new IOException("Broken pipe"));
              }
            })
        .invoke(request(), response);
    assertThat(events.list)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getLevel()).isEqualTo(Level.DEBUG);
              assertThat(e.getFormattedMessage())
                  .isEqualTo("Client went away during GET /library/scripts/1: Broken pipe");
              assertThat(e.getThrowableProxy()).isNull();
            });
  }

  @Test
  void aTemplateErrorIsNotTakenForTheClientGoingAway() {
    Response response = new Response(new org.apache.coyote.Response());
    ServletException templateError =
        new ServletException(
            "Request processing failed", new IllegalStateException("Exception evaluating"));
    assertThatThrownBy(
            () ->
                valve(
                        new ValveBase() {
                          @Override
                          public void invoke(Request request, Response r) throws ServletException {
                            throw templateError;
                          }
                        })
                    .invoke(request(), response))
        .isSameAs(templateError);
    assertThat(events.list).isEmpty();
  }

  @Test
  void aResponseThatArrivedSaysNothing() throws Exception {
    valve(
            new ValveBase() {
              @Override
              public void invoke(Request request, Response r) {}
            })
        .invoke(request(), new Response(new org.apache.coyote.Response()));
    assertThat(events.list).isEmpty();
  }

  @Test
  void theApisOwnLineIsNotRepeated() throws Exception {
    Request request = request();
    request.setAttribute(ClientGoneValve.LOGGED, Boolean.TRUE);
    valve(
            new ValveBase() {
              @Override
              public void invoke(Request q, Response r) {
                r.getCoyoteResponse().setErrorException(new IOException("Broken pipe"));
              }
            })
        .invoke(request, new Response(new org.apache.coyote.Response()));
    assertThat(events.list).isEmpty();
  }
}
