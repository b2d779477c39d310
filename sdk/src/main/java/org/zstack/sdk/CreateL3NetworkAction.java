package org.zstack.sdk;

/** category defaults to Private (System when system is true); only ipVersion 4 is supported for now. */
public class CreateL3NetworkAction extends AbstractAction {
    public static class Result extends ActionResult<CreateL3NetworkResult, Result> {
    }

    @Param(maxLength = 255)
    public String name;

    @Param(required = false, maxLength = 2048)
    public String description;

    @Param(required = false, validValues = {"L3BasicNetwork"})
    public String type;

    @Param
    public String l2NetworkUuid;

    @Param(required = false, validValues = {"Public", "Private", "System"})
    public String category;

    @Param(required = false)
    public Boolean system;

    @Param(required = false, maxLength = 255)
    public String dnsDomain;

    @Param(required = false, numberRange = {4, 6})
    public Integer ipVersion;

    public Result call() {
        return fill(new Result(), ZSClient.call(this), CreateL3NetworkResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, CreateL3NetworkResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("POST", "/l3-networks", true, true, "params");
    }
}
