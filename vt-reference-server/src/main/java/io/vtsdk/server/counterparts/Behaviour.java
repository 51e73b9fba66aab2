package io.vtsdk.server.counterparts;

import io.vtsdk.model.request.ResponseKind;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a counterpart does with a request it receives: answer it with one of its module's answer kinds, never answer,
 * or pick at random (seeded: the same seed gives the same answers), each {@code after} a delay on the server's clock
 * counted from the send.
 *
 * <pre>{@code
 * Behaviour.answer(ResponseKind.PRADO_ADHESION).after(Duration.ofHours(2))
 * Behaviour.answer(ResponseKind.REFUSED).motif("PAS_DE_PLACE")
 * Behaviour.random(Map.of("ACCEPTED", 1, "REFUSED", 2, Behaviour.NEVER, 1))
 * Behaviour.never()
 * }</pre>
 *
 * @param answer an answer kind of the unit's module ({@code ACCEPTED}, {@code PRADO_ADHESION}…), {@link #NEVER} or
 *     {@link #RANDOM}
 * @param motif for an answer that takes a motif: its code (null: the first motif of its list that needs no précision)
 * @param after how long after the send the counterpart answers (server clock); zero: at once
 * @param entryIn for {@code ACCEPTED}: the proposed entry date is the answer's day plus this (null: none proposed)
 * @param weights for {@link #RANDOM}: answer (or {@link #NEVER}) → positive weight
 * @param statuses for {@link #STATUSES}: the JDV_J252 codes an ESMS reports on a notification, in order, one every
 *     {@code after} (SDO flow 4)
 * @param every for {@link #NOTIFY}: how often an MDPH notifies a new decision
 * @param to for {@link #NOTIFY}: the ESMS units it notifies (SDO flow 1)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record Behaviour(String answer, String motif, Duration after, Duration entryIn, Map<String, Integer> weights,
    java.util.List<String> statuses, Duration every, java.util.List<io.vtsdk.model.UnitId> to) {

  /** The counterpart leaves the request unanswered (VT's own rules, such as archiving, then apply). */
  public static final String NEVER = "NEVER";
  /** The counterpart picks one of {@code weights} for each request, deterministically from the seed. */
  public static final String RANDOM = "RANDOM";
  /** An ESMS reports {@code statuses} on each notification it receives, one every {@code after}. */
  public static final String STATUSES = "STATUSES";
  /** An MDPH notifies a new decision to the units {@code to}, every {@code every} (from when it is configured). */
  public static final String NOTIFY = "NOTIFY";
  /** The longest delay a counterpart takes (ten years). */
  public static final Duration MAX_DELAY = Duration.ofDays(3650);

  public Behaviour {
    Objects.requireNonNull(answer, "answer");
    after = after == null ? Duration.ZERO : after;
    weights = weights == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    statuses = statuses == null ? null : java.util.List.copyOf(statuses);
    to = to == null ? null : java.util.List.copyOf(to);
  }

  /** With no status list nor schedule (the answers' form). */
  public Behaviour(String answer, String motif, Duration after, Duration entryIn, Map<String, Integer> weights) {
    this(answer, motif, after, entryIn, weights, null, null, null);
  }

  /** An ESMS reporting these JDV_J252 statuses on each notification, one every {@code after}. */
  public static Behaviour statuses(String... codes) {
    return new Behaviour(STATUSES, null, Duration.ZERO, null, null, java.util.List.of(codes), null, null);
  }

  /** An MDPH notifying a new decision to {@code units} every {@code every}. */
  public static Behaviour notify(Duration every, io.vtsdk.model.UnitId... units) {
    return new Behaviour(NOTIFY, null, Duration.ZERO, null, null, null, every, java.util.List.of(units));
  }

  /** Answers with {@code kind}, at once. */
  public static Behaviour answer(ResponseKind kind) {
    return new Behaviour(kind.name(), null, Duration.ZERO, null, null);
  }

  /** Never answers. */
  public static Behaviour never() {
    return new Behaviour(NEVER, null, Duration.ZERO, null, null);
  }

  /** Answers at random, by weight (keys: answer kinds or {@link #NEVER}). */
  public static Behaviour random(Map<String, Integer> weights) {
    return new Behaviour(RANDOM, null, Duration.ZERO, null, weights);
  }

  /** This behaviour, {@code delay} after the send. */
  public Behaviour after(Duration delay) {
    return new Behaviour(answer, motif, delay, entryIn, weights, statuses, every, to);
  }

  /** This behaviour with the motif of this code. */
  public Behaviour motif(String code) {
    return new Behaviour(answer, code, after, entryIn, weights, statuses, every, to);
  }

  /** This behaviour, proposing an entry date {@code days} after the answer (ACCEPTED). */
  public Behaviour entryIn(Duration days) {
    return new Behaviour(answer, motif, after, days, weights, statuses, every, to);
  }
}
