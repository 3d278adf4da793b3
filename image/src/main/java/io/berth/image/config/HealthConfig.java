package io.berth.image.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A HEALTHCHECK: {@code test} is {@code ["NONE"]}, {@code ["CMD", args...]} or {@code ["CMD-SHELL",
 * line]}; durations are nanoseconds and zero means "inherit the default".
 */
public record HealthConfig(
    @JsonProperty("Test") List<String> test,
    @JsonProperty("Interval") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long interval,
    @JsonProperty("Timeout") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long timeout,
    @JsonProperty("StartPeriod") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long startPeriod,
    @JsonProperty("StartInterval") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long startInterval,
    @JsonProperty("Retries") @JsonInclude(JsonInclude.Include.NON_DEFAULT) int retries) {

  public HealthConfig {
    test = test == null ? null : List.copyOf(test);
  }
}
