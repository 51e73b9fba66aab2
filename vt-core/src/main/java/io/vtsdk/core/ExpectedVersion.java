package io.vtsdk.core;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The version a caller read before it writes (an HTTP {@code If-Match}): the write is refused as
 * {@link VtCoreException.Kind#STALE} unless the current version is one of these, checked in the write's own
 * transaction, so that of two writers who read the same version only the first succeeds.
 *
 * @param anyVersion true for {@code If-Match: *} (any current version)
 * @param versions the versions the caller accepts (empty with {@code anyVersion})
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record ExpectedVersion(boolean anyVersion, Set<Long> versions) {
  private static final ExpectedVersion ANY = new ExpectedVersion(true, Set.of());

  public ExpectedVersion {
    versions = Set.copyOf(versions);
  }

  /** Exactly {@code version}. */
  public static ExpectedVersion of(long version) {
    return new ExpectedVersion(false, Set.of(version));
  }

  /** One of {@code versions} (an entity-tag list; an empty list matches nothing). */
  public static ExpectedVersion anyOf(Collection<Long> versions) {
    return new ExpectedVersion(false, versions.stream().collect(Collectors.toUnmodifiableSet()));
  }

  /** Whatever the current version is ({@code If-Match: *}: the resource must exist). */
  public static ExpectedVersion any() {
    return ANY;
  }

  public boolean matches(long current) {
    return anyVersion || versions.contains(current);
  }

  /** The refusal when {@code current} does not match. */
  VtCoreException stale(String what, long current) {
    return new VtCoreException(VtCoreException.Kind.STALE, "precondition-failed",
        "the " + what + " changed since you read it: it is at version " + current + "; read it again",
        java.util.List.of(), java.util.Map.of("currentVersion", current));
  }
}
