package org.zstack.sdk;

public class AddV2VConversionHostAction extends AbstractAction {
    public static class Result extends ActionResult<AddV2VConversionHostResult, Result> {
    }

    @Param(maxLength = 255)
    public String name;

    @Param(required = false, maxLength = 2048)
    public String description;

    @Param(validValues = {"VMWARE", "KVM"})
    public String type;

    @Param
    public String hostUuid;

    @Param(maxLength = 2048)
    public String storagePath;

    public Result call() {
        return fill(new Result(), ZSClient.call(this), AddV2VConversionHostResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, AddV2VConversionHostResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("POST", "/v2v-conversion-hosts", true, true, "params");
    }
}
