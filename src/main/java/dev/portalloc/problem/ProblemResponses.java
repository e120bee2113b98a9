package dev.portalloc.problem;

/**
 * Names of the problem responses that {@code META-INF/openapi.yaml} describes once for the API document at
 * {@code /q/openapi}. An operation lists one with {@code @APIResponse(responseCode = "400", ref = ProblemResponses.INVALID)}.
 */
public final class ProblemResponses {

    /** 400: invalid fields, each named with the rule it breaks. */
    public static final String INVALID = "InvalidRequest";
    /** 404: the key holds no allocation. */
    public static final String NOT_FOUND = "AllocationNotFound";
    /** 409: the pool has no free slot. */
    public static final String EXHAUSTED = "PoolExhausted";
    /** 415: the body is not JSON. */
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    /** 503 with Retry-After: lock timeout or database unavailable. */
    public static final String UNAVAILABLE = "ServiceUnavailable";
    /** 500: an unexpected failure, logged with its cause. */
    public static final String INTERNAL = "InternalError";

    private ProblemResponses() {
    }
}
