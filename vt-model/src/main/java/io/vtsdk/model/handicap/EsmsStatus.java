package io.vtsdk.model.handicap;

import io.vtsdk.model.Coding;
import io.vtsdk.model.nos.NosTable;
import io.vtsdk.model.validation.NosCode;
import io.vtsdk.model.validation.ValidEsmsStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.apiguardian.api.API;

/**
 * The status of a person at an ESMS, as the ESMS reports it to VT (SDO flows 4–5): ESMS level (JDV_J252, motif
 * JDV_J251) and optionally unit level (JDV_J253, motif JDV_J250). A motif must be a TRE_R358 code paired with its
 * status in ASS_A32. ASS_A32 (2025) pairs four motifs with ESMS statuses 49 and 51 that the older JDV_J251 (2023)
 * lacks (92, 93, 100, 172): we follow ASS_A32, so motifs are checked against R358 + ASS_A32 rather than J250/J251
 * (see docs/nomenclatures.md).
 *
 * @param idNatStruct national structure id: {@code "1" + FINESS} or {@code "3" + SIRET}
 */
@API(status = API.Status.STABLE, since = "0.1")
@ValidEsmsStatus
public record EsmsStatus(
    @NotBlank(message = "{vt.required}")
        @Pattern(regexp = "1[0-9][0-9AB][0-9]{7}|3[0-9]{14}", message = "{vt.idNatStruct.format}")
        String idNatStruct,
    String esmsName,
    @NotNull(message = "{vt.required}") @NosCode(NosTable.J252) Coding status,
    @NosCode(NosTable.R358) Coding motif,
    @NotNull(message = "{vt.required}") LocalDate statusDate,
    String rorUnitId,
    @NosCode(NosTable.J253) Coding unitStatus,
    @NosCode(NosTable.R358) Coding unitMotif,
    LocalDate unitStatusDate,
    @NotBlank(message = "{vt.required}") String idDecision,
    String idNatDecision) {}
