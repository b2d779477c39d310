package org.zstack.sdk;

public class UpdateGlobalConfigAction extends AbstractAction {
    public static class Result extends ActionResult<UpdateGlobalConfigResult, Result> {
    }

    @Param
    public String category;

    @Param
    public String name;

    @Param(required = false)
    public String value;

    public Result call() {
        return fill(new Result(), ZSClient.call(this), UpdateGlobalConfigResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, UpdateGlobalConfigResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("PUT", "/global-configurations/{category}/{name}/actions", true, true, "updateGlobalConfig");
    }
}
