import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyService } from '../keys/api-key.service';
import { ApiKeyStore } from '../keys/api-key.store';
import { RequireScope } from '../../common/http/scopes';
import { ApiKeyDto, ApiKeyListDto, CreateApiKeyDto, CreatedApiKeyDto, toApiKeyDto } from './api-key.dto';

@ApiTags('admin')
@ApiBearerAuth()
// a key limited to some models must not mint one for every model
@RequireScope('admin', { model: 'all' })
@Controller('v1/admin/keys')
export class AdminKeysController {
  constructor(
    private readonly keys: ApiKeyService,
    private readonly store: ApiKeyStore,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key; the key is in this response only' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  async create(@Body() body: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    const { key, record } = await this.keys.create(body);
    await this.store.refresh(); // effective here at once, on other replicas within AUTH_KEYS_REFRESH_MS
    return { ...toApiKeyDto(record), key };
  }

  @Get()
  @ApiOperation({ summary: 'Every key, revoked ones included (never the key or its hash)' })
  @ApiOkResponse({ type: ApiKeyListDto })
  async list(): Promise<ApiKeyListDto> {
    return { keys: (await this.keys.list()).map(toApiKeyDto) };
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a key (kept, with revoked_at, for the record)' })
  @ApiOkResponse({ type: ApiKeyDto })
  async revoke(@Param('id') id: string): Promise<ApiKeyDto> {
    const record = await this.keys.revoke(id);
    await this.store.refresh();
    return toApiKeyDto(record);
  }
}
