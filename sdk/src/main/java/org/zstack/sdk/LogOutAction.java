package org.zstack.sdk;

/** Ends a session. Needs no session of its own. */
public class LogOutAction extends AbstractAction {
    public static class Result extends ActionResult<LogOutResult, Result> {
    }

    @Param
    public String sessionUuid;

    public Result call() {
        return fill(new Result(), ZSClient.call(this), LogOutResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, LogOutResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("DELETE", "/accounts/sessions/{sessionUuid}", false, false, null);
    }
}
