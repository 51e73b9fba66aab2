package io.vtsdk.model.nos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void parsesQuotesDoubledQuotesAndEmbeddedNewlines() {
    assertThat(Csv.parse("a,\"b,c\",\"d\"\"e\"\r\n\"x\ny\",,z\n"))
        .containsExactly(List.of("a", "b,c", "d\"e"), List.of("x\ny", "", "z"));
  }

  @Test
  void lastLineWithoutNewlineIsARecord() {
    assertThat(Csv.parse("a,b\nc,d")).containsExactly(List.of("a", "b"), List.of("c", "d"));
  }

  @Test
  void unterminatedQuoteIsAnError() {
    assertThatThrownBy(() -> Csv.parse("a,\"b\n")).hasMessageContaining("unterminated");
  }
}
