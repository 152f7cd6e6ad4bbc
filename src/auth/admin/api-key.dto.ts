import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsOptional, IsString } from 'class-validator';
import { ApiKeyEntity } from '../keys/api-key.entity';
import { SCOPES } from '../../common/http/scopes';

/** Shapes only: ApiKeyService applies the rules, the same ones the CLI gets. */
export class CreateApiKeyDto {
  @ApiProperty({ example: 'checkout-service' })
  @IsString()
  name: string;

  @ApiProperty({ enum: SCOPES, isArray: true, example: ['predict', 'read'] })
  @IsArray()
  scopes: string[];

  @ApiPropertyOptional({
    description: 'Restrict the key to these models (absent: every model)',
    example: ['loan-risk'],
  })
  @IsOptional()
  @IsArray()
  models?: string[];
}

export class ApiKeyDto {
  @ApiProperty({ example: '3f9a0c1d2e4b' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: SCOPES, isArray: true }) scopes: string[];
  @ApiProperty({ type: [String], nullable: true, description: 'null: every model' }) models: string[] | null;
  @ApiProperty() created_at: string;
  @ApiProperty({ type: String, nullable: true }) revoked_at: string | null;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({ description: 'The key itself: shown this once, only its hash is stored' })
  key: string;
}

export class ApiKeyListDto {
  @ApiProperty({ type: [ApiKeyDto] }) keys: ApiKeyDto[];
}

export function toApiKeyDto(row: ApiKeyEntity): ApiKeyDto {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes,
    models: row.models,
    created_at: row.createdAt.toISOString(),
    revoked_at: row.revokedAt ? row.revokedAt.toISOString() : null,
  };
}
