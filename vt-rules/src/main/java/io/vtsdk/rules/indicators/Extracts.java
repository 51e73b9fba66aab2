package io.vtsdk.rules.indicators;

import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.identity.CheckMode;
import io.vtsdk.model.identity.Departement;
import io.vtsdk.model.identity.Finess;
import io.vtsdk.model.nos.Nomenclature;
import io.vtsdk.model.nos.Nomenclatures;
import io.vtsdk.model.nos.NosTable;
import io.vtsdk.rules.csv.CsvTable;
import io.vtsdk.rules.csv.ExtractException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Readers of the extracts the indicators are computed from: CSV files with a header (any column order, extra columns
 * ignored), read one record at a time so that an extract of any size goes through in flat memory. Every refusal is an
 * {@link ExtractException} naming the file, line, column and rule, never the cell's value.
 *
 * <ul>
 *   <li>VT (Prado dossiers): {@value #PRADO_VT_HEADER}, optional {@code cpam};
 *   <li>OMV (Prado adhesions): {@value #OMV_HEADER}, optional {@code cpam};
 *   <li>Handicap (one line per notification, the person's columns repeated): {@value #HANDICAP_HEADER}.
 * </ul>
 *
 * An empty {@code closedOn} is an open record: it is read (and {@link Tuv.Counter#openRecords() counted apart}), not
 * refused. Formats: dates {@code YYYY-MM-DD}; {@code adhesion} {@code true|false}; a volet by its
 * {@link PradoVolet} name; a FINESS on nine characters (its key is not checked: extracts carry the numbers VT has);
 * a CPAM code on three digits (assumption: the caisse's number, as « 691 »); a département as {@code 69}, {@code 2A},
 * {@code 974}; a status a JDV_J252 code, a motif a TRE_R358 code, a category a JDV_J254 code.
 *
 * <pre>{@code
 * Tuv.Counter tuv = new Tuv.Counter(Tuv.Grouping.REGION, null);
 * Extracts.readPradoVt(Path.of("vt.csv"), tuv::add);
 * Extracts.readOmv(Path.of("omv.csv"), tuv::add);
 * List<Tuv.Row> rows = tuv.rows(Tuv.Period.QUARTER);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class Extracts {
  private Extracts() {}

  /** The VT extract's columns. */
  public static final String PRADO_VT_HEADER = "dossierId,finessGeographique,region,volet,adhesion,closedOn";
  /** The OMV extract's columns. */
  public static final String OMV_HEADER = "finessGeographique,region,volet,closedOn";
  /** The Handicap people/notifications extract's columns. */
  public static final String HANDICAP_HEADER = "personId,personDepartement,personRegion,birthDate,notifiedOn,"
      + "esmsFiness,esmsCategory,esmsDepartement,esmsRegion,status,statusDate,motif,enteredOn";
  /** The optional column of the CPAM in the VT and OMV extracts. */
  public static final String CPAM = "cpam";

  private static final Pattern CPAM_CODE = Pattern.compile("[0-9]{3}");

  /** Reads a VT extract, giving each record to {@code sink}; returns how many records were read. */
  public static long readPradoVt(Path file, Consumer<? super PradoVtRecord> sink) {
    return read(file, PRADO_VT_HEADER, sink, r -> new PradoVtRecord(r.text("dossierId"), finess(r,
        "finessGeographique"), r.text("region"), volet(r), requiredBool(r, "adhesion"), r.date("closedOn"), cpam(r)));
  }

  /** Reads an OMV extract, giving each record to {@code sink}; returns how many records were read. */
  public static long readOmv(Path file, Consumer<? super OmvAdhesionRecord> sink) {
    return read(file, OMV_HEADER, sink, Extracts::omvRecord);
  }

  private static OmvAdhesionRecord omvRecord(CsvTable.Row r) {
    return new OmvAdhesionRecord(finess(r, "finessGeographique"), r.text("region"), volet(r), r.date("closedOn"),
        cpam(r));
  }

  /**
   * Reads an OMV extract from {@code in} (an upload…), named {@code name} in refusals; returns how many records were
   * read.
   */
  public static long readOmv(java.io.BufferedReader in, Path name, Consumer<? super OmvAdhesionRecord> sink) {
    return read(() -> CsvTable.open(in, name, columns(OMV_HEADER)), sink, Extracts::omvRecord);
  }

  /** Reads a Handicap people/notifications extract, giving each line to {@code sink}; returns how many were read. */
  public static long readHandicap(Path file, Consumer<? super HandicapRecord> sink) {
    return read(file, HANDICAP_HEADER, sink, r -> new HandicapRecord(r.required("personId"),
        departement(r, "personDepartement"), r.text("personRegion"), r.date("birthDate"), r.date("notifiedOn"),
        r.text("esmsFiness") == null ? null : finess(r, "esmsFiness"), code(r, "esmsCategory", NosTable.J254),
        departement(r, "esmsDepartement"), r.text("esmsRegion"), required(code(r, "status", NosTable.J252), r,
        "status"), r.date("statusDate"), code(r, "motif", NosTable.R358), r.date("enteredOn")));
  }

  /** The VT extract's records, in a list (for small extracts and tests). */
  public static List<PradoVtRecord> pradoVt(Path file) {
    List<PradoVtRecord> out = new ArrayList<>();
    readPradoVt(file, out::add);
    return out;
  }

  /** The OMV extract's records, in a list. */
  public static List<OmvAdhesionRecord> omv(Path file) {
    List<OmvAdhesionRecord> out = new ArrayList<>();
    readOmv(file, out::add);
    return out;
  }

  /** The Handicap extract's lines, in a list. */
  public static List<HandicapRecord> handicap(Path file) {
    List<HandicapRecord> out = new ArrayList<>();
    readHandicap(file, out::add);
    return out;
  }

  private static <T> long read(Path file, String header, Consumer<? super T> sink, Function<CsvTable.Row, T> map) {
    return read(() -> CsvTable.open(file, columns(header)), sink, map);
  }

  private static List<String> columns(String header) {
    return List.of(header.split(","));
  }

  private static <T> long read(java.util.function.Supplier<CsvTable> open, Consumer<? super T> sink,
      Function<CsvTable.Row, T> map) {
    Objects.requireNonNull(sink, "sink");
    long n = 0;
    try (CsvTable t = open.get()) {
      for (CsvTable.Row r; (r = t.next()) != null; ) {
        sink.accept(map.apply(r));
        n++;
      }
    }
    return n;
  }

  private static PradoVolet volet(CsvTable.Row r) {
    PradoVolet v = r.constant("volet", PradoVolet.class);
    if (v == null) {
      throw r.refuse("volet", "a value is required");
    }
    return v;
  }

  private static boolean requiredBool(CsvTable.Row r, String column) {
    Boolean b = r.bool(column);
    if (b == null) {
      throw r.refuse(column, "a value is required (true or false)");
    }
    return b;
  }

  private static String finess(CsvTable.Row r, String column) {
    String v = r.required(column);
    if (!Finess.isValid(v, CheckMode.LENIENT)) {
      throw r.refuse(column, "expected a FINESS: nine characters, the département then digits");
    }
    return v;
  }

  private static String cpam(CsvTable.Row r) {
    String v = r.text(CPAM);
    if (v != null && !CPAM_CODE.matcher(v).matches()) {
      throw r.refuse(CPAM, "expected a CPAM code on three digits");
    }
    return v;
  }

  private static String departement(CsvTable.Row r, String column) {
    String v = r.text(column);
    if (v != null && !Departement.isValid(v)) {
      throw r.refuse(column, "expected a département code (01 to 95, 2A, 2B, 971 to 976)");
    }
    return v;
  }

  private static String code(CsvTable.Row r, String column, NosTable table) {
    String v = r.text(column);
    Nomenclature n = Nomenclatures.get(table);
    if (v != null && !n.contains(v)) {
      throw r.refuse(column, "not a code of " + table.name() + " (" + n.size() + " codes, see docs/nomenclatures.md)");
    }
    return v;
  }

  private static String required(String v, CsvTable.Row r, String column) {
    if (v == null) {
      throw r.refuse(column, "a value is required");
    }
    return v;
  }
}
