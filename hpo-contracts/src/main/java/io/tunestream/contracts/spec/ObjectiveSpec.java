package io.tunestream.contracts.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** The metric a trial reports and whether lower or higher is better ("minimize" / "maximize"). */
public record ObjectiveSpec(String metric, String direction) {

    @JsonIgnore
    public boolean maximize() {
        return "maximize".equals(direction);
    }
}
