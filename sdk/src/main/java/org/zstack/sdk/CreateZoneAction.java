package org.zstack.sdk;

public class CreateZoneAction extends AbstractAction {
    public static class Result extends ActionResult<CreateZoneResult, Result> {
    }

    @Param(maxLength = 255)
    public String name;

    @Param(required = false, maxLength = 2048)
    public String description;

    @Param(required = false)
    public Boolean isDefault;

    public Result call() {
        return fill(new Result(), ZSClient.call(this), CreateZoneResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, CreateZoneResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("POST", "/zones", true, true, "params");
    }
}
