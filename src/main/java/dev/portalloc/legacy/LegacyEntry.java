package dev.portalloc.legacy;

import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import dev.portalloc.allocation.AppNumbers;
import dev.portalloc.allocation.ModelName;

/**
 * One entry of {@code port_config.json} at position {@code index} (from 0), with the rules of a live request plus the port
 * ranges. Values the file leaves out or sets to null are null here.
 */
public record LegacyEntry(
        int index,
        @NotNull(message = REQUIRED) @ModelName String model,
        @NotNull(message = REQUIRED) @Min(value = 1, message = AppNumbers.RULE) @Max(value = Integer.MAX_VALUE, message = AppNumbers.RULE) Integer appNumber,
        @NotNull(message = REQUIRED) @Min(value = 1, message = PORT_RULE) @Max(value = 65535, message = PORT_RULE) Integer backendPort,
        @NotNull(message = REQUIRED) @Min(value = 1, message = PORT_RULE) @Max(value = 65535, message = PORT_RULE) Integer frontendPort) {

    public static final String PORT_RULE = "must be an integer from 1 to 65535";
    static final String REQUIRED = "is required";

    static final String MODEL = "model";
    static final String APP_NUMBER = "app_number";
    static final String BACKEND_PORT = "backend_port";
    static final String FRONTEND_PORT = "frontend_port";

    /** File field names by record component, so problems name the field as the file spells it. */
    private static final Map<String, String> FILE_FIELDS = Map.of("model", MODEL, "appNumber", APP_NUMBER,
            "backendPort", BACKEND_PORT, "frontendPort", FRONTEND_PORT);

    static String fileField(String component) {
        return FILE_FIELDS.getOrDefault(component, component);
    }
}
