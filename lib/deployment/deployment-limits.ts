/**
 * SageMaker watches 1 to 10 alarms during a deployment (`AutoRollbackConfig.Alarms`):
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_AutoRollbackConfig.html
 */
export const MAX_ROLLBACK_ALARMS = 10;
