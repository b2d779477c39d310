package org.zstack.sdk;

/**
 * What an action's {@code call()} returns: either {@code error} or {@code value}. Each action declares
 * {@code public static class Result extends ActionResult<XxxResult, Result> {}} so that {@code value}
 * has the action's own result type and {@link #throwExceptionIfError()} chains.
 */
public abstract class ActionResult<V, R extends ActionResult<V, R>> {
    public ErrorCode error;
    public V value;

    public ErrorCode getError() { return error; }
    public V getValue() { return value; }

    /** @throws ApiException carrying {@link #error} when the call failed; else returns this result. */
    @SuppressWarnings("unchecked")
    public R throwExceptionIfError() {
        if (error != null) {
            throw new ApiException(error);
        }
        return (R) this;
    }
}
