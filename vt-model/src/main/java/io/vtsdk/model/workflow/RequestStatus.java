package io.vtsdk.model.workflow;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Business status of an admission request, per module, with its coarse {@link TaskStatus}. Handicap statuses carry
 * their TRE_R357 code ({@link #r357Code()}).
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum RequestStatus {
  // SANITAIRE, GRAND_AGE, and shared by every module where it applies
  SENT(TaskStatus.REQUESTED),
  READ(TaskStatus.RECEIVED),
  ACCEPTED(TaskStatus.ACCEPTED),
  REFUSED(TaskStatus.REJECTED),
  WAITING_LIST(TaskStatus.ON_HOLD),
  ADMISSION_CONFIRMED(TaskStatus.COMPLETED),
  /** Closed automatically because the requester confirmed another admission. */
  CLOSED(TaskStatus.CANCELLED),
  CANCELLED(TaskStatus.CANCELLED),
  /** Unanswered and archived automatically after the configured delay. */
  ARCHIVED(TaskStatus.CANCELLED),
  // PRADO
  ELIGIBLE_ADMINISTRATIVELY(TaskStatus.IN_PROGRESS),
  ADHESION(TaskStatus.COMPLETED),
  NON_ADHESION(TaskStatus.REJECTED),
  // TND
  ELIGIBLE(TaskStatus.COMPLETED),
  NOT_ELIGIBLE(TaskStatus.REJECTED),
  ORIENTED_ELSEWHERE(TaskStatus.REJECTED),
  // HANDICAP (TRE_R357, ESMS level)
  NOTIFICATION_SENT(TaskStatus.REQUESTED, "39"),
  NOTIFICATION_READ(TaskStatus.RECEIVED, "40"),
  CONTACT_MADE(TaskStatus.IN_PROGRESS, "41"),
  WAITING_LIST_ANALYSIS(TaskStatus.IN_PROGRESS, "42"),
  WAITING_LIST_ADMISSIBLE(TaskStatus.ON_HOLD, "72"),
  WAITING_LIST_ADMITTED(TaskStatus.ACCEPTED, "71"),
  TRIAL_IN_PROGRESS(TaskStatus.IN_PROGRESS, "43"),
  TRIAL_FAILED(TaskStatus.IN_PROGRESS, "44"),
  ADMISSION_IMPOSSIBLE_SIGNALLED(TaskStatus.ON_HOLD, "45"),
  ADMISSION_IMPOSSIBLE_ENDORSED(TaskStatus.REJECTED, "46"),
  USER_ENTERED(TaskStatus.IN_PROGRESS, "47"),
  USER_EXITED(TaskStatus.COMPLETED, "48"),
  NOTIFICATION_CANCELLED(TaskStatus.CANCELLED, "49"),
  REORIENTATION_REQUESTED(TaskStatus.ON_HOLD, "51"),
  NOTIFICATION_REACTIVATED(TaskStatus.REQUESTED, "54"),
  DECISION_CANCELLED(TaskStatus.CANCELLED, "37");

  private final TaskStatus taskStatus;
  private final String r357Code;

  RequestStatus(TaskStatus taskStatus) {
    this(taskStatus, null);
  }

  RequestStatus(TaskStatus taskStatus, String r357Code) {
    this.taskStatus = taskStatus;
    this.r357Code = r357Code;
  }

  public TaskStatus taskStatus() {
    return taskStatus;
  }

  /** The TRE_R357 code of a Handicap status. */
  public Optional<String> r357Code() {
    return Optional.ofNullable(r357Code);
  }

  /** The Handicap status of a TRE_R357 ESMS-level code (J252). */
  public static Optional<RequestStatus> ofR357(String code) {
    for (RequestStatus s : values()) {
      if (code != null && code.equals(s.r357Code)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
