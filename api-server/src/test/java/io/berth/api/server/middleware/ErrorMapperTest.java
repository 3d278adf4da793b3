package io.berth.api.server.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.common.error.CancelledException;
import io.berth.common.error.ConflictException;
import io.berth.common.error.EngineException;
import io.berth.common.error.ForbiddenException;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.error.NotFoundException;
import io.berth.common.error.NotImplementedException;
import io.berth.common.error.NotModifiedException;
import io.berth.common.error.SystemException;
import io.berth.common.error.UnauthorizedException;
import io.berth.common.error.UnavailableException;
import java.io.UncheckedIOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorMapperTest {

  static Stream<Arguments> categories() {
    return Stream.of(
        Arguments.of(EngineException.noSuch("container", "x"), 404),
        Arguments.of(new InvalidParameterException("m"), 400),
        Arguments.of(new ConflictException("m"), 409),
        Arguments.of(new UnauthorizedException("m"), 401),
        Arguments.of(new ForbiddenException("m"), 403),
        Arguments.of(new NotModifiedException("m"), 304),
        Arguments.of(new UnavailableException("m"), 503),
        Arguments.of(new NotImplementedException("m"), 501),
        Arguments.of(new CancelledException("m"), 500),
        Arguments.of(new SystemException("m"), 500),
        Arguments.of(new IllegalStateException("m"), 500),
        Arguments.of(new UncheckedIOException(new java.io.IOException("m")), 500));
  }

  @ParameterizedTest
  @MethodSource("categories")
  void status_eachCategory_mapsToDockerStatus(Throwable t, int expected) {
    assertThat(ErrorMapper.status(t)).isEqualTo(expected);
  }

  @Test
  void message_noSuch_usesDockerWords() {
    assertThat(ErrorMapper.message(EngineException.noSuch("container", "x")))
        .isEqualTo("No such container: x");
  }

  @Test
  void message_nullMessage_isClassName() {
    assertThat(ErrorMapper.message(new IllegalArgumentException())).isEqualTo("IllegalArgumentException");
  }
}
