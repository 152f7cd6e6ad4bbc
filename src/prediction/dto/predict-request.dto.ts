import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayNotEmpty,
  IsArray,
  IsObject,
  IsOptional,
  IsString,
  ValidateIf,
  registerDecorator,
} from 'class-validator';

/** `features` is either an object keyed by feature name or an array in manifest order. */
function IsFeatureRow(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isFeatureRow',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => typeof value === 'object' && value !== null,
        defaultMessage: () => 'features must be an object keyed by feature name or an array of values',
      },
    });
}

// a missing optional feature may also be sent as null
const FEATURE_VALUE = { oneOf: [{ type: 'number' }, { type: 'string', nullable: true }] };
const FEATURE_ROW = {
  oneOf: [
    { type: 'object', additionalProperties: FEATURE_VALUE, description: 'keyed by feature name' },
    { type: 'array', items: FEATURE_VALUE, description: 'values in the order of the model card' },
  ],
};

export class PredictRequestDto {
  @ApiPropertyOptional({
    description:
      'One row: an object keyed by feature name, or an array of values in the order of the model card',
    ...FEATURE_ROW,
    example: {
      age: 42,
      income: 52000,
      loan_amount: 12000,
      credit_score: 690,
      employment: 'employed',
      home_ownership: 'rent',
    },
  })
  @ValidateIf(
    (o: PredictRequestDto) =>
      (o.instances === undefined && o.text === undefined && o.texts === undefined) ||
      o.features !== undefined,
  )
  @IsFeatureRow()
  features?: Record<string, unknown> | unknown[];

  @ApiPropertyOptional({
    description: 'For a model with one text feature: that text, as the whole row',
    example: 'This is a fantastic product!',
  })
  @IsOptional()
  @IsString()
  text?: string;

  @ApiPropertyOptional({
    description: 'For a model with one text feature: a batch of texts (at most MAX_BATCH_SIZE)',
    type: 'array',
    items: { type: 'string' },
  })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty({ message: 'texts must contain at least one text' })
  texts?: unknown[];

  @ApiPropertyOptional({
    description: 'A batch of rows (objects or arrays); at most MAX_BATCH_SIZE (default 1000)',
    type: 'array',
    items: FEATURE_ROW,
  })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty({ message: 'instances must contain at least one row' })
  instances?: unknown[];

  @ApiPropertyOptional({
    description:
      'Free-form context logged with the prediction (sanitized), e.g. a customer id to join on later',
    type: 'object',
    additionalProperties: true,
    example: { customer_id: 'c-1042' },
  })
  @IsOptional()
  @IsObject()
  metadata?: Record<string, unknown>;
}
