package org.zstack.sdk;

/** Tells whether a session is still valid. */
public class ValidateSessionAction extends AbstractAction {
    public static class Result extends ActionResult<ValidateSessionResult, Result> {
    }

    @Param
    public String sessionUuid;

    public Result call() {
        return fill(new Result(), ZSClient.call(this), ValidateSessionResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, ValidateSessionResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("GET", "/accounts/sessions/{sessionUuid}/valid", false, false, null);
    }
}
