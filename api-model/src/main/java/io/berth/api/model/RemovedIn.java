package io.berth.api.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The API version that dropped a response field: only clients that ask for an older version get
 * it, as dockerd keeps it for them. The API server's response encoder enforces this.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface RemovedIn {
  /** A version such as {@code 1.44}. */
  String value();
}
