import type { Label } from '../nodes/param-meta.ts';

/**
 * Every user-facing message of the runtime, server and studio that carries data: a code → Korean and English
 * templates. `{name}` is an argument; `[을]` (also 를, 이/가, 은/는, 과/와, 으로/로) after an argument picks the
 * particle its last sound asks for. Codes are stable: the server sends them, tests and the studio key on them.
 */
export const CATALOGUE = {
  // Pipeline documents (runtime/document/validate.ts)
  'doc.format': { ko: '파이프라인 문서 형식이 올바르지 않습니다: {detail}', en: '{detail}' },
  'doc.field': { ko: '문서의 ‹{field}› 값이 올바르지 않습니다: {detail}', en: '{path}: {detail}' },
  'doc.duplicate_id': {
    ko: '노드 ID "{id}"[이] 여러 노드에 쓰였습니다',
    en: 'the id "{id}" is used by more than one node',
  },
  'doc.unknown_parameter': {
    ko: '{{{name}}}[은] 선언되지 않은 매개변수입니다',
    en: '{{{name}}} is not a declared parameter',
  },
  'doc.missing_parameter': { ko: '매개변수 값이 필요합니다: {detail}', en: '{detail}' },
  'doc.parameter_no_value': {
    ko: '매개변수 ‹{name}›에 값이 없고 기본값도 없습니다',
    en: 'parameter "{name}" has no value and no default',
  },
  'doc.parameter_unknown': {
    ko: '이 파이프라인에 없는 매개변수입니다: ‹{name}› (있는 매개변수: {known})',
    en: 'unknown parameter "{name}" (this pipeline declares: {known})',
  },
  'doc.parameter_not_number': {
    ko: '매개변수 ‹{name}›의 값이 숫자가 아닙니다: {value}',
    en: 'parameter "{name}" (number): {value} is not a number',
  },
  'doc.parameter_not_boolean': {
    ko: '매개변수 ‹{name}›의 값이 참/거짓(true/false)이 아닙니다: {value}',
    en: 'parameter "{name}" (boolean): {value} is not true or false',
  },
  'doc.parameter_not_date': {
    ko: '매개변수 ‹{name}›의 값이 YYYY-MM-DD 형식의 날짜가 아닙니다: {value}',
    en: 'parameter "{name}" (date): {value} is not a date written YYYY-MM-DD',
  },
  'doc.parameter_not_text': {
    ko: '매개변수 ‹{name}›에는 글자 값을 넣으세요',
    en: 'parameter "{name}" (text): expected text',
  },
  'doc.unknown_type': {
    ko: '알 수 없는 노드 종류입니다: "{type}" (이 버전의 스튜디오에 없는 노드)',
    en: 'unknown node type "{type}"',
  },
  'doc.unknown_param': { ko: '‹{node}›에는 ‹{param}› 설정이 없습니다', en: '"{type}" has no param "{param}"' },
  'doc.unknown_node': {
    ko: '연결선이 파이프라인에 없는 노드 "{id}"[을] 가리킵니다',
    en: 'an edge\'s {end} "{id}" is not a node of this pipeline',
  },
  'doc.unknown_output_port': {
    ko: '‹{node}›에는 ‹{port}› 출력이 없습니다 (출력: {ports})',
    en: '"{type}" has no output port "{port}" (ports: {ports})',
  },
  'doc.unknown_input_port': {
    ko: '‹{node}›에는 ‹{port}› 입력이 없습니다 (입력: {ports})',
    en: '"{type}" has no input port "{port}" (ports: {ports})',
  },
  'doc.missing_input': {
    ko: '‹{port}›[이] 연결되지 않았습니다. 앞 단계의 출력을 이 노드로 연결하세요',
    en: 'input "{portName}" is not connected',
  },
  'doc.port_fed_twice': {
    ko: '‹{port}›에 연결이 {count}개 있습니다 ({from}). 하나만 연결하세요',
    en: 'input "{portName}" is fed by {count} edges ({from}); it takes one',
  },
  'doc.cycle': {
    ko: '연결이 순환합니다: {path}. 연결 하나를 지우세요',
    en: 'cycle through {path}',
  },

  // Params (zod issues in words, runtime/messages/params.ts)
  'param.required': { ko: '‹{field}›[을] 입력하세요', en: '{field}: required' },
  'param.empty': { ko: '‹{field}›[은] 비워 둘 수 없습니다', en: '{field}: must not be empty' },
  'param.too_few': { ko: '‹{field}›에 {min}개 이상 추가하세요', en: '{field}: add at least {min}' },
  'param.too_many': { ko: '‹{field}›[은] {max}개까지만 넣을 수 있습니다', en: '{field}: at most {max}' },
  'param.too_short': { ko: '‹{field}›[은] {min}자 이상이어야 합니다', en: '{field}: at least {min} characters' },
  'param.too_long': { ko: '‹{field}›[은] {max}자 이하여야 합니다', en: '{field}: at most {max} characters' },
  'param.too_small': {
    ko: '‹{field}›[은] {min} {inclusive_ko} 값이어야 합니다',
    en: '{field}: must be {inclusive_en} {min}',
  },
  'param.too_big': {
    ko: '‹{field}›[은] {max} {inclusive_ko} 값이어야 합니다',
    en: '{field}: must be {inclusive_en} {max}',
  },
  'param.choose_one': { ko: '‹{field}›: 다음 중 하나를 고르세요 — {options}', en: '{field}: choose one of {options}' },
  'param.wrong_type': { ko: '‹{field}›에는 {expected}[을] 넣어야 합니다', en: '{field}: expected {expected}' },
  'param.invalid': { ko: '‹{field}›: {detail}', en: '{field}: {detail}' },
  'param.choose_columns': { ko: '‹{field}›: 열을 하나 이상 고르세요', en: '{field}: choose at least one column' },
  'param.where_or_rules': {
    ko: '조건식 또는 조건 규칙 중 하나만 설정하세요',
    en: 'give either "where" (an expression) or "rules", not both and not neither',
  },
  'param.path_or_dataset': {
    ko: '파일 또는 데이터셋 중 하나만 고르세요',
    en: 'Give either "path" or "datasetId" (one of them, not both).',
  },
  'param.chart_needs_column': {
    ko: '{mark} 차트에는 ‹{shelf}›에 열을 넣어야 합니다',
    en: 'the "{markName}" chart needs a column on "{shelfName}"',
  },
  'param.input_not_connected': {
    ko: '‹{port}›[이] 연결되지 않았습니다',
    en: 'input "{portName}" is not connected',
  },
  'file.sign_in_for_dataset': {
    ko: '서버 데이터셋을 열려면 먼저 로그인하세요',
    en: 'sign in to open a server dataset',
  },
  'file.dataset_unavailable': {
    ko: '서버 데이터셋을 찾을 수 없거나 공유받지 않았습니다. 목록에서 다시 고르세요',
    en: 'the server dataset was not found or is not shared with you; choose one from the list',
  },
  'file.not_a_dataset': {
    ko: '"{id}"[은] 서버 데이터셋이 아닙니다. 목록에서 고르세요',
    en: '"{id}" is not a server dataset: choose one from the list',
  },
  'file.none_given': { ko: '읽을 파일을 고르세요', en: 'no file given: choose one' },
  'file.not_in_browser': {
    ko: '"{path}" 파일이 이 브라우저에 없습니다. 파일을 스튜디오에 다시 끌어다 놓으세요 (데이터는 이 컴퓨터를 떠나지 않습니다)',
    en: '"{path}" is not in this browser: drop the file onto the studio again (data never leaves this computer)',
  },
  'file.write_on_server': {
    ko: '파일 저장은 서버와 명령줄에서 합니다. 스튜디오에서는 결과를 내려받으세요',
    en: 'writing files runs on the server and the command line; in the studio, download the result',
  },
  'param.unknown_column': {
    ko: '입력에 "{column}" 열이 없습니다.{suggest}',
    en: 'The input has no column "{column}".{suggest}',
  },

  // Runs (server/runs, runtime/execute)
  'run.cancelled': { ko: '실행이 취소되었습니다', en: 'run cancelled' },
  'run.cancelled_before_start': { ko: '시작하기 전에 취소되었습니다', en: 'cancelled before it started' },
  'run.upstream_blocked': {
    ko: '앞 단계 "{node}"에 문제가 있어 실행할 수 없습니다',
    en: 'upstream node "{node}" needs attention',
  },
  'run.document_problem': { ko: '파이프라인 문서에 문제가 있습니다', en: 'the document has a problem' },

  // Auth
  'auth.password_too_short': {
    ko: '새 비밀번호는 {min}자 이상이어야 합니다',
    en: 'newPassword: at least {min} characters',
  },

  // HTTP (server/middleware/error-handler.ts)
  'http.bad_request': { ko: '요청이 올바르지 않습니다', en: 'bad request' },
  'http.invalid_request': { ko: '입력값이 올바르지 않습니다: {detail}', en: 'invalid input: {detail}' },
  // The request's fields, each said in words (server/routes/router.ts joins them).
  'http.invalid_fields': { ko: '{detail}', en: '{detail}' },
  'http.malformed_json': { ko: '요청 본문이 올바른 JSON이 아닙니다', en: 'the request body is not valid JSON' },
  'http.not_found': { ko: '찾을 수 없거나 볼 수 없는 항목입니다', en: 'not found' },
  'http.no_route': { ko: '없는 주소입니다: {method} {path}', en: 'no route for {method} {path}' },
  'http.method_not_allowed': { ko: '허용되지 않는 요청 방식입니다', en: 'method not allowed' },
  'http.payload_too_large': { ko: '요청이 너무 큽니다', en: 'request body too large' },
  'http.unsupported_media_type': { ko: '요청 본문은 JSON이어야 합니다', en: 'the body must be JSON' },
  'http.conflict': { ko: '다른 사람이 먼저 바꿨습니다. 새로 불러온 뒤 다시 시도하세요', en: 'conflict' },
  'http.internal': {
    ko: '서버 오류가 발생했습니다. 잠시 뒤 다시 시도하고, 계속되면 관리자에게 알려 주세요',
    en: 'internal server error',
  },
  'http.other': { ko: '요청을 처리하지 못했습니다 ({status})', en: 'request failed ({status})' },

  // ONNX model uploads (server/routes/models-onnx.ts)
  'model.onnx_dims': {
    ko: '모델의 입력은 [행, 열] 표여야 합니다. 이 모델의 입력은 {dims}차원입니다',
    en: "the model's input must be a table [rows, columns]; it has {dims} dimensions",
  },
  'model.onnx_columns': {
    ko: '모델은 열 {width}개를 읽는데 입력 열은 {columns}개가 지정되었습니다. 모델의 순서대로 정확히 {width}개를 적어 주세요',
    en: "the model reads {width} columns but {columns} input column(s) were named; name exactly {width}, in the model's order",
  },
  'model.onnx_run': {
    ko: '열 {columns}개로 모델을 실행해 보지 못했습니다. ONNX 파일이 올바른지 확인하세요',
    en: 'onnxruntime could not run the model on {columns} column(s)',
  },

  // Server refusals by their API code (server/errors.ts `errorMessages`); the English is the server's own text.
  'api.invalid_credentials': { ko: '아이디 또는 비밀번호가 맞지 않습니다', en: 'wrong user name or password' },
  'api.unauthenticated': { ko: '로그인이 필요합니다', en: 'sign in first' },
  'api.forbidden': { ko: '이 작업을 할 권한이 없습니다', en: 'not allowed' },
  'api.csrf': {
    ko: '보안 확인에 실패했습니다. 페이지를 새로 고친 뒤 다시 시도하세요',
    en: 'security check failed; reload the page',
  },
  'api.wrong_password': { ko: '현재 비밀번호가 맞지 않습니다', en: 'the current password is wrong' },
  'api.password_unchanged': {
    ko: '새 비밀번호는 지금 비밀번호와 달라야 합니다',
    en: 'the new password must differ from the current one',
  },
  'api.password_change_required': {
    ko: '먼저 비밀번호를 바꾸세요 (처음 받은 비밀번호는 바꾸기 전용입니다)',
    en: 'change your password first',
  },
  'api.rate_limited': {
    ko: '시도가 너무 많습니다. 잠시 뒤에 다시 시도하세요',
    en: 'too many attempts; try again later',
  },
  'api.username_taken': { ko: '이미 쓰이는 아이디입니다', en: 'that user name is taken' },
  'api.own_account': { ko: '자기 계정에는 할 수 없는 작업입니다', en: 'not on your own account' },
  'api.no_department': {
    ko: '부서가 지정되지 않은 계정입니다. 관리자에게 부서를 요청하세요',
    en: 'your account has no department',
  },
  'api.invalid_pipeline': { ko: '파이프라인 문서가 올바르지 않습니다', en: 'the pipeline document is not valid' },
  'api.invalid_parameters': { ko: '매개변수 값이 올바르지 않습니다', en: 'invalid parameter values' },
  'api.invalid_cron': { ko: '실행 주기(cron) 형식이 올바르지 않습니다', en: 'invalid schedule (cron)' },
  'api.unknown_pipeline': { ko: '없는 파이프라인입니다', en: 'unknown pipeline' },
  'api.pipeline_deleted': { ko: '삭제된 파이프라인입니다', en: 'the pipeline was deleted' },
  'api.no_such_version': { ko: '없는 버전입니다', en: 'no such version' },
  'api.no_such_node': { ko: '파이프라인에 그 노드가 없습니다', en: 'no such node in the pipeline' },
  'api.template_draft': { ko: '아직 공개되지 않은 템플릿입니다', en: 'the template is a draft' },
  'api.unknown_column': { ko: '데이터에 없는 열입니다', en: 'unknown column' },
  'api.not_numeric': { ko: '숫자 열이 아닙니다', en: 'not a numeric column' },
  'api.not_a_chart': { ko: '차트 노드가 아닙니다', en: 'not a chart node' },
  'api.chart_params': { ko: '차트 설정이 올바르지 않습니다', en: 'invalid chart settings' },
  'api.xlsx_limit': {
    ko: '엑셀 한 시트에 담을 수 있는 행 수를 넘었습니다. CSV나 Parquet로 받으세요',
    en: 'too many rows for one Excel sheet',
  },
  'api.webhook_refused': { ko: '이 웹훅 주소로는 보낼 수 없습니다', en: 'webhook address refused' },
  // Access rules on runs, schedules and models (server/routes/models.ts, schedules.ts, runs.ts)
  'api.model_not_yours': {
    ko: '모형 ‹{name}›[은] 다른 사용자({owner})의 모형이라 새 버전을 올릴 수 없습니다. 소유자나 관리자만 버전을 추가할 수 있으니 다른 이름으로 저장하세요',
    en: 'model "{name}" belongs to {owner}: only its owner or an admin adds versions; save it under another name',
  },
  'api.schedule_not_yours': {
    ko: '다른 사용자의 예약이라 지금 실행할 수 없습니다. 예약의 소유자나 관리자만 실행할 수 있습니다',
    en: "another user's schedule: only its owner or an admin can run it now",
  },
  'api.run_not_yours': {
    ko: '이 실행은 취소할 수 없습니다. 파이프라인 소유자, 예약 소유자, 실행을 시작한 사람이나 관리자만 취소할 수 있습니다',
    en: 'only the pipeline owner, the schedule owner, who started the run, or an admin can cancel it',
  },
  'api.run_queue_full': {
    ko: '대기 중이거나 실행 중인 실행이 이미 {limit}개입니다. 하나가 끝난 뒤 다시 실행하세요',
    en: 'you already have {limit} runs queued or running; run again once one has ended',
  },
  // Analysis requests (server/requests/workflow.ts)
  'api.request_wrong_role': {
    ko: '‹{action}›[은] {who}만 할 수 있습니다',
    en: '"{action}" is for {who} only',
  },
  'api.request_bad_state': {
    ko: '이 의뢰는 지금 ‹{state}› 단계라 ‹{action}›[을] 할 수 없습니다. ‹{action}›[은] {from} 단계에서만 할 수 있습니다',
    en: 'the request is "{state}": "{action}" is possible only when it is {from}',
  },
  'api.request_other_department': {
    ko: '{department} 부서의 의뢰라 검토할 수 없습니다. 그 부서의 검토자나 관리자만 검토할 수 있습니다',
    en: 'the request belongs to {department}: only its reviewers or an admin review it',
  },
  'api.request_needs_comment': {
    ko: '‹{action}›에는 사유를 의견으로 적어야 합니다',
    en: '"{action}" needs a reason in the comment',
  },
  'api.request_needs_department': {
    ko: '협조를 요청할 업무국(부서)을 적으세요',
    en: 'name the bureau (department) to cooperate',
  },
  'api.request_needs_analyst': {
    ko: '분석 담당자를 지정하세요. 없는 사용자이거나 사용이 중지된 계정입니다',
    en: 'choose an analyst: that user does not exist or is disabled',
  },
  'api.request_needs_result': {
    ko: '분석완료에는 결과로 파이프라인, 템플릿 또는 대시보드를 연결해야 합니다',
    en: 'completing needs a result: a pipeline, template or dashboard',
  },
  'api.request_result_missing': {
    ko: '연결한 결과({kind})를 찾을 수 없거나 볼 권한이 없습니다',
    en: 'the linked result ({kind}) does not exist or is not visible to you',
  },
  'api.request_too_many_attachments': {
    ko: '분석의뢰 하나에는 첨부를 20개까지 붙일 수 있습니다',
    en: 'a request holds at most 20 attachments',
  },
  'api.request_attachment_missing': {
    ko: '첨부한 데이터셋을 찾을 수 없거나 볼 권한이 없습니다',
    en: 'an attached dataset does not exist or is not visible to you',
  },
  // Webhook targets (server/notifications/webhook-target.ts)
  'webhook.bad_url': {
    ko: '웹훅 주소가 올바른 URL이 아닙니다. https://로 시작하는 주소를 넣으세요',
    en: 'the webhook address is not a valid URL',
  },
  'webhook.scheme': {
    ko: '웹훅 주소는 http:// 또는 https://로 시작해야 합니다',
    en: 'a webhook address must start with http:// or https://',
  },
  'webhook.unresolved': {
    ko: '웹훅 주소의 호스트({host})를 서버에서 찾을 수 없습니다. 주소를 확인하세요',
    en: 'the server cannot resolve the webhook host {host}',
  },
  'webhook.internal': {
    ko: '웹훅은 {where}({address})에는 보낼 수 없습니다. 외부에서 접속할 수 있는 주소를 쓰거나, 내부 주소가 꼭 필요하면 관리자에게 허용(WEBHOOK_ALLOW_HOSTS)을 요청하세요',
    en: 'webhooks may not target {where} ({address}); use a public address, or ask an admin to allow it (WEBHOOK_ALLOW_HOSTS)',
  },
  'api.unreadable_dataset': { ko: '데이터셋 파일을 읽을 수 없습니다', en: 'the dataset file cannot be read' },
  'api.empty_file': { ko: '빈 파일입니다', en: 'the file is empty' },
  'api.empty_upload': { ko: '올린 파일이 비어 있습니다', en: 'the upload is empty' },
  'api.missing_filename': { ko: '파일 이름이 없습니다', en: 'missing file name' },
  'api.bad_filename': { ko: '쓸 수 없는 파일 이름입니다', en: 'invalid file name' },
  'api.unsupported_format': {
    ko: '이 형식의 파일은 올릴 수 없습니다. 표는 CSV, TSV, Parquet, JSON, XLSX 파일을, 이미지는 PNG, JPEG 파일, 이미지를 묶은 ZIP 파일이나 스캔한 PDF 문서를 쓰세요',
    en: 'unsupported file format',
  },
  'api.payload_too_large': { ko: '파일이나 요청이 너무 큽니다', en: 'too large' },
  'api.bad_preview': { ko: '미리보기 그림이 올바르지 않습니다', en: 'invalid preview image' },
  'api.empty_preview': { ko: '미리보기 그림이 비어 있습니다', en: 'empty preview image' },
  'api.pdf_unavailable': {
    ko: '이 서버에서는 PDF를 만들 수 없습니다. HTML 보고서를 쓰세요',
    en: 'PDF is not available on this server',
  },

  // Engine errors (DuckDB), classified by runtime/messages/duckdb.ts
  'sql.unknown_column': {
    ko: '"{name}" 열을 찾을 수 없습니다.{candidates}',
    en: 'Column "{name}" not found.{candidates}',
  },
  'sql.unknown_table': {
    ko: '"{name}" 테이블(입력)을 찾을 수 없습니다. 입력은 연결된 앞 노드의 ID나 input으로 부릅니다.{candidates}',
    en: 'Table "{name}" not found. Inputs are named by the connected node\'s id, or input.{candidates}',
  },
  'sql.unknown_function': {
    ko: '"{name}" 함수가 없습니다.{candidates}',
    en: 'Function "{name}" does not exist.{candidates}',
  },
  'sql.conversion': {
    ko: '값 {value}[을] {type}[으로] 바꿀 수 없습니다. 형 변환(TRY_CAST) 또는 조건을 확인하세요',
    en: 'Could not convert {value} to {type}. Check the cast (TRY_CAST) or the condition',
  },
  'sql.type_mismatch': {
    ko: '자료형이 맞지 않습니다: {detail}. 비교하거나 계산하는 두 값의 형이 같은지 확인하세요',
    en: 'Type mismatch: {detail}. Check that the compared or combined values have the same type',
  },
  'sql.syntax': { ko: '문법 오류: "{token}" 근처를 확인하세요', en: 'Syntax error near "{token}"' },
  'sql.syntax_end': {
    ko: '문법 오류: 문장이 끝나지 않았습니다 (괄호나 따옴표가 닫혔는지 확인하세요)',
    en: 'Syntax error: the statement ends too early (check brackets and quotes)',
  },
  'sql.division_by_zero': {
    ko: '0으로 나누었습니다. NULLIF(분모, 0)을 쓰세요',
    en: 'Division by zero. Use NULLIF(divisor, 0)',
  },
  'sql.out_of_memory': {
    ko: '메모리가 부족합니다. 필터나 표본 추출로 데이터를 줄이거나 서버에서 실행하세요',
    en: 'Out of memory. Reduce the data (filter, sample) or run it on the server',
  },
  'sql.interrupted': { ko: '실행이 중단되었습니다', en: 'The query was interrupted' },
  'sql.group_by': {
    ko: '"{name}" 열은 GROUP BY에 넣거나 집계 함수(SUM, COUNT 등)로 감싸야 합니다',
    en: 'Column "{name}" must appear in GROUP BY or be used in an aggregate function',
  },
  'sql.ambiguous': {
    ko: '"{name}"[이] 여러 입력에 있어 어느 것인지 알 수 없습니다. 입력 이름을 앞에 붙이세요 (예: a.{name})',
    en: '"{name}" is ambiguous: prefix it with its input (e.g. a.{name})',
  },
  'sql.other': { ko: 'SQL 실행 중 오류가 발생했습니다 ({kind})', en: '{kind} error' },
  'sql.at': { ko: '{line}행 {column}열', en: 'line {line}, column {column}' },
  'sql.candidates': { ko: ' 비슷한 이름: {names}', en: ' Did you mean: {names}' },
  // Node settings that do not fit the data (nodes/_shared, nodes/prep): the English is the node's own text.
  'node.date_format_code': {
    ko: '"{code}"[은] 날짜 형식 기호가 아닙니다. %Y(연도), %m(월), %d(일)처럼 쓰세요 (예: %Y-%m-%d)',
    en: '"{code}" is not a date format code (e.g. %Y-%m-%d)',
  },
  'node.regex_back_reference': {
    ko: '정규식의 역참조({ref})[는] 쓸 수 없습니다 (DuckDB 정규식 RE2가 지원하지 않음)',
    en: 'the regular expression uses a back-reference ({ref}), which DuckDB (RE2) does not support',
  },
  'node.regex_lookaround': {
    ko: '정규식의 전방·후방 탐색((?=, (?!, (?<=, (?<!)[은] 쓸 수 없습니다 (DuckDB 정규식 RE2가 지원하지 않음)',
    en: 'the regular expression uses look-ahead or look-behind, which DuckDB (RE2) does not support',
  },
  'node.regex_group_missing': {
    ko: '바꿀 값의 \\{group}[은] {group}번째 묶음을 가리키지만, 패턴의 괄호 묶음은 {count}개뿐입니다',
    en: '\\{group} refers to group {group}, but the pattern has {count} group(s)',
  },
  'node.regex_backslash': {
    ko: '바꿀 값의 역슬래시(\\) 뒤에는 숫자(\\1) 또는 역슬래시가 와야 합니다',
    en: 'a backslash in the replacement must be followed by a digit (\\1) or another backslash',
  },
  'node.output_name_twice': {
    ko: '결과 열 이름 "{name}"[이] 두 번 쓰였습니다. 하나를 다른 이름으로 바꾸세요',
    en: 'two output columns are named "{name}"',
  },
  'node.column_exists': {
    ko: '"{name}" 열이 이미 있습니다. 다른 이름을 정하세요',
    en: 'a column named "{name}" already exists; choose another name',
  },
  'node.column_listed_twice': {
    ko: '"{name}" 열을 두 번 골랐습니다. 하나를 지우세요',
    en: 'column "{name}" is listed twice',
  },
  'node.needs_numeric': {
    ko: '{what}에는 숫자 열이 필요합니다. ‹{field}›에 고른 "{column}"[은] {type} 열입니다',
    en: '{what} needs a numeric column; "{column}" is {type}',
  },
  'node.needs_column': {
    ko: '{what}에는 ‹{field}›[을] 골라야 합니다',
    en: '{what} needs a column ({field})',
  },
  'node.needs_order': {
    ko: '{what}에는 ‹{field}›[이] 필요합니다. 정렬할 열을 고르세요',
    en: '{what} needs an order ({field})',
  },
  'node.give_setting': { ko: '‹{field}›[을] 입력하세요', en: 'give the {field}' },
  'node.output_would_repeat': {
    ko: '결과에 "{name}" 열이 두 개 생깁니다. 이름 하나를 바꾸세요',
    en: 'the output would have two columns named "{name}"',
  },
  'node.input_has_column': {
    ko: '입력에 이미 "{name}" 열이 있습니다. ‹{field}›에 다른 이름을 넣으세요',
    en: 'the input already has a column "{name}"',
  },
  'node.scale_log1p_groups': {
    ko: 'log1p 변환은 그룹 통계를 쓰지 않습니다. ‹{field}›[을] 비우세요',
    en: 'log1p uses no group statistics: leave the groups empty',
  },
  'node.parse_date_formats': {
    ko: '‹{field}›에 날짜 형식을 하나 이상 넣거나 자동 인식을 고르세요',
    en: 'give at least one format, or use auto',
  },
  'node.validate_reason_column': {
    ko: '입력에 이미 "{name}" 열이 있습니다. 검증 전에 그 열의 이름을 바꾸거나 지우세요',
    en: 'the input already has a column "{name}": rename or drop it before validating',
  },
  'node.date_parts_not_date': {
    ko: '"{column}" 열은 {type} 열이라 날짜 부분을 뽑을 수 없습니다. 먼저 ‹날짜 변환›으로 날짜로 바꾸세요',
    en: '"{column}" is {type}, not a date: turn it into one first with Parse dates',
  },
  'node.extract_no_groups': {
    ko: '‹{field}›에 괄호 묶음이 없습니다. 뽑을 부분을 ( )로 감싸세요',
    en: 'the pattern has no groups: put the parts to extract in ( )',
  },
  'node.extract_names_count': {
    ko: '패턴의 괄호 묶음이 {count}개이므로 ‹{field}›도 {count}개 넣으세요 (지금 {got}개)',
    en: 'the pattern has {count} groups: give {count} names',
  },
  'node.bin_breaks_missing': {
    ko: '직접 지정한 구간에는 ‹{field}›[이] 필요합니다',
    en: 'custom bins need breakpoints',
  },
  'node.bin_breaks_order': {
    ko: '‹{field}›[은] 앞의 경계값보다 커야 합니다 (경계값은 작은 것부터 차례로)',
    en: 'breakpoints must be strictly ascending',
  },
  'node.bin_count_missing': {
    ko: '{method} 방식에는 ‹{field}›[이] 필요합니다',
    en: '{method} needs the {field}',
  },
  'node.bin_labels_count': {
    ko: '구간이 {count}개이므로 ‹{field}›도 {count}개 넣으세요 (지금 {got}개)',
    en: '{count} bins need {count} labels (got {got})',
  },
  'node.range_min_or_max': {
    ko: '‹{field}›: 최솟값이나 최댓값 중 하나 이상을 넣으세요',
    en: 'give a minimum, a maximum or both',
  },
  'node.range_column_type': {
    ko: '범위 검사에는 숫자나 날짜 열이 필요합니다. "{column}" 열은 {type} 열입니다',
    en: 'a range needs a number or date column; "{column}" is {type}',
  },
  'node.range_bound_number': {
    ko: '"{column}" 열은 숫자 열이므로 ‹{field}›에도 숫자를 넣으세요',
    en: '"{column}" is a number column: the {field} must be a number',
  },
  'node.codes_not_connected': {
    ko: '코드가 있는지 검사하려면 코드표를 ‹코드표› 입력에 연결하세요',
    en: 'connect a code table to the "codes" input to check that codes exist',
  },
  'node.codes_unknown_column': {
    ko: '코드표에 "{column}" 열이 없습니다 (코드표의 열: {columns})',
    en: 'column "{column}" is not in the "codes" input (columns: {columns})',
  },
  'node.pivot_needs_values': {
    ko: '{fn} 집계에는 ‹{field}›[이] 필요합니다',
    en: '{fn} needs a values column ({field})',
  },
  'node.pivot_prefix_needs_values': {
    ko: '‹{field}›[을] 쓰려면 ‹{values}›에 값 목록을 직접 넣으세요 (자동이 아니라)',
    en: 'a prefix needs the list of values (not "auto")',
  },
  'node.chosen_twice': {
    ko: '"{name}" 열을 두 번 골랐습니다',
    en: '"{name}" is chosen twice',
  },
  'node.unpivot_same_names': {
    ko: '‹{name}›[과] ‹{value}›에 서로 다른 이름을 넣으세요',
    en: 'the name and value columns need different names',
  },
  'node.sample_n_or_fraction': {
    ko: '‹{n}›[과] ‹{fraction}› 중 하나만 넣으세요',
    en: 'give either a number of rows (n) or a fraction, not both',
  },
  'node.sample_strata_missing': {
    ko: '층화 표본에는 ‹{field}›[을] 하나 이상 골라야 합니다',
    en: 'a stratified sample needs at least one group column',
  },
  'node.fuzzy_score_column': {
    ko: '결과에 이미 "{name}" 열이 있습니다. ‹{field}›에 다른 이름을 넣으세요',
    en: 'the output already has a column "{name}"; name the score column differently',
  },
  'node.split_count_missing': {
    ko: '‹{count}›[을] 넣거나 ‹{names}›[을] 넣으세요',
    en: 'say how many columns to make (count) or name them (names)',
  },
  'node.split_count_mismatch': {
    ko: '‹{field}›[은] {count}인데 나뉘는 부분은 {parts}개입니다',
    en: 'count is {count} but there are {parts} parts',
  },
  'node.split_names_count': {
    ko: '나뉘는 부분이 {parts}개이므로 ‹{field}›도 {parts}개 넣으세요',
    en: 'give {parts} names, one per part',
  },
  'node.split_index_same': {
    ko: '"{name}"[은] 이미 나뉜 값 열의 이름입니다. ‹{field}›에 다른 이름을 넣으세요',
    en: '"{name}" already names the parts',
  },
  'node.split_rest_last_regex': {
    ko: '정규식으로 나눌 때 ‹{field}›[을] "마지막 열에 나머지"로 하면 원래 글자를 그대로 두므로 빈 부분을 뺄 수 없습니다',
    en: '"rest: last" with a regex keeps the original text, so it cannot drop empty parts',
  },
  'node.merge_name_exists': {
    ko: '"{name}" 열이 이미 있습니다. ‹{field}›에 다른 이름을 넣으세요',
    en: 'a column named "{name}" already exists; choose another name or a merged column',
  },
  'node.mapped_twice': {
    ko: '"{from}"[이] 두 번 바뀌도록 되어 있습니다: "{first}"[와] "{second}". 하나만 남기세요',
    en: '"{from}" is mapped twice: to "{first}" and to "{second}"',
  },
  'node.cluster_needs_text': {
    ko: '"{column}" 열은 {type} 열입니다. 군집·편집은 문자 열에만 쓸 수 있으니 먼저 ‹형 변환›으로 문자로 바꾸세요',
    en: 'column "{column}" is {type}; cluster and edit works on text',
  },
  'node.cluster_edit_distance_keys': {
    ko: '편집 거리 방식에는 새 값을 맞출 키가 없습니다. 키 방식을 고르거나 ‹{field}›[을] 끄세요',
    en: 'edit_distance has no key to match new values by; choose a key method or turn this off',
  },
  'node.filter_needs_value': {
    ko: '{op} 조건에는 ‹{field}›[이] 필요합니다',
    en: 'the {op} rule needs a value ({field})',
  },
  'node.filter_needs_values': {
    ko: '{op} 조건에는 ‹{field}›[을] 하나 이상 넣어야 합니다',
    en: '{op} needs at least one value ({field})',
  },
  'node.filter_one_value': {
    ko: '{op} 조건의 ‹{field}›에는 값을 하나만 넣으세요 (목록이 아니라)',
    en: '{op} takes one value, not a list ({field})',
  },
  'node.lookup_not_connected': {
    ko: '‹{field}›[을] 쓰려면 참조표를 ‹참조표› 입력에 연결하세요',
    en: 'connect a lookup table to use its columns',
  },
  'node.mapping_or_lookup': {
    ko: '‹{field}›에 바꿀 값을 하나 이상 넣거나 참조표를 연결하세요',
    en: 'add at least one mapping or connect a lookup table',
  },
  'node.choose_lookup_column': {
    ko: '‹{field}›[을] 고르세요',
    en: 'choose the {field}',
  },
  'node.already_mapped': {
    ko: '"{from}"[은] 이미 {at}에서 바꾸도록 되어 있습니다',
    en: '"{from}" is already mapped ({at})',
  },
  'node.union_no_input': { ko: '합칠 입력을 하나 이상 연결하세요', en: 'connect at least one input' },
  'node.union_widths': {
    ko: '{bad}번째 입력은 열이 {badCount}개, 첫 번째 입력은 {width}개입니다. ‹{field}›[을] 켜서 이름으로 맞춰 쌓으세요',
    en: 'input {bad} has {badCount} columns, input 1 has {width}: stack by name instead',
  },
  'node.bad_type_name': {
    ko: '"{column}" 열의 바꿀 형식 "{type}"[은] 쓸 수 있는 자료형이 아닙니다 (예: INTEGER, DOUBLE, DATE, VARCHAR)',
    en: '"{type}" is not a DuckDB type name',
  },
  // Reading files (nodes/source)
  'node.file_empty': {
    ko: '"{file}" 파일이 비어 있습니다 (0바이트). 내용이 있는 파일을 고르세요',
    en: '"{file}" is empty (0 bytes).',
  },
  'node.sheet_empty': {
    ko: '"{file}" 파일의 시트에 데이터가 없습니다. ‹시트›에서 데이터가 있는 시트를 고르세요',
    en: 'The sheet in "{file}" is empty.',
  },
  'node.xlsx_no_sheets': { ko: '"{file}" 파일에 워크시트가 없습니다', en: '"{file}" has no worksheets.' },
  'node.xlsx_sheet_missing': {
    ko: '"{file}" 파일에 {sheet} 시트가 없습니다. 있는 시트: {sheets}',
    en: 'Sheet {sheet} is not in "{file}"; it has {sheets}.',
  },
  'node.xlsx_sheet_number': { ko: '{n}번째', en: 'number {n}' },
  'node.cannot_read_file': {
    ko: '"{file}" 파일을 {format} 형식으로 읽을 수 없습니다. 파일이 손상되었거나 다른 형식인지 확인하세요 ({detail})',
    en: 'Cannot read "{file}" as {format}: {detail}',
  },
  'node.file_no_columns': {
    ko: '"{file}" 파일에 읽을 열이 없습니다',
    en: '"{file}" holds no columns to read.',
  },
  'node.json_not_objects': {
    ko: '"{file}" 파일을 JSON으로 읽을 수 없습니다. 한 행에 객체 하나씩, 배열로 묶거나 한 줄에 하나씩 써야 합니다',
    en: 'Cannot read "{file}" as JSON: expected objects (one per row), as an array or one per line.',
  },
  'node.csv_sniff_failed': {
    ko: 'CSV 파일의 구분자와 열을 알아낼 수 없습니다. ‹구분자›와 ‹첫 줄이 열 이름›을 직접 지정해 보세요',
    en: 'DuckDB could not sniff the file',
  },

  // SQL and code nodes (nodes/sql, nodes/code)
  'node.sql_one_statement': {
    ko: 'SELECT 한 문장만 쓸 수 있습니다. 세미콜론(;)으로 나뉜 문장이 여러 개 있습니다',
    en: 'Write one SELECT statement: found more than one.',
  },
  'node.sql_select_only': {
    ko: '‹SQL 질의›에는 조회문(SELECT 또는 WITH … SELECT)만 쓸 수 있습니다',
    en: 'the query must be a SELECT (or WITH … SELECT)',
  },
  'node.js_no_sandbox': {
    ko: '이 환경에서는 JavaScript 코드를 실행할 수 없습니다 (실행 환경이 설정되지 않음). 관리자에게 문의하세요',
    en: 'JavaScript cannot run here (no sandbox is configured)',
  },
  'node.js_failed': { ko: 'JavaScript 코드 실행 중 오류가 발생했습니다: {detail}', en: '{detail}' },
  'node.js_no_columns': {
    ko: '코드가 돌려준 표에 열이 없습니다. 열이 하나 이상인 표를 돌려주세요',
    en: 'the code returned a table without columns',
  },

  // Charts (nodes/chart)
  'node.chart_not_number': {
    ko: '‹{shelf}›의 "{column}"[은] 숫자 열이 아닙니다. 숫자 열을 넣으세요',
    en: '"{column}" is not a number column ({shelf})',
  },
  'node.chart_aggregate_needs_value': {
    ko: '{fn} 집계에는 ‹{shelf}›에 값 열이 필요합니다',
    en: '{fn} needs a value column on {shelf}',
  },
  'node.chart_shelf_twice': {
    ko: '"{column}" 열이 차트의 두 곳에 들어 있습니다. 한 곳에서 빼세요',
    en: '"{column}" is on two shelves of the chart',
  },

  // Writing files (nodes/output)
  'node.output_format_browser': {
    ko: '브라우저 엔진에서는 아직 {format} 파일을 쓸 수 없습니다. ‹파일 형식›을 CSV나 XLSX로 고르세요',
    en: 'Writing {format} is not supported in the browser engine yet; write csv or xlsx.',
  },
  'node.xlsx_too_many_rows': {
    ko: '{count}행은 엑셀 시트 하나에 들어가지 않습니다 (머리글 아래 최대 {max}행). ‹파일 형식›을 CSV나 Parquet로 바꾸거나, 먼저 필터·집계로 줄이세요',
    en: '{count} rows do not fit in an Excel sheet (at most {max} below the header). Write csv or parquet instead, or filter or aggregate first.',
  },
  // Model nodes (nodes/model)
  'node.model_needs_numeric': {
    ko: '‹{field}›에 고른 "{column}"[은] {type} 열입니다. 숫자 열을 고르세요',
    en: '"{column}" must be numeric; it is {type} ({field})',
  },
  'node.model_column_not_in_input': {
    ko: '‹{port}› 입력에 "{column}" 열이 없습니다',
    en: 'column "{column}" is not in the {port} input',
  },
  'node.model_output_name_clash': {
    ko: '‹{field}›[은] "{column}"일 수 없습니다 (결과 열에 같은 이름이 있습니다). 열 이름을 바꾼 뒤 고르세요',
    en: 'the company column may not be called "{column}" (an output column has that name)',
  },
  'node.model_choose_column': { ko: '‹{field}›[을] 고르세요', en: 'choose the {field}' },
  'node.model_no_declarations': {
    ko: '신고가 있는 업체가 없습니다. 입력 데이터와 ‹{field}›[을] 확인하세요',
    en: 'no company has a declaration ({field})',
  },
  'node.model_label_not_01': {
    ko: '‹{field}›의 "{column}" 열에는 0 또는 1만 있어야 하는데 {value}[이] 있습니다{where}',
    en: '"{column}" must be 0/1 (found {value}){where}',
  },
  'node.model_label_at': { ko: ' (업체 {key})', en: ' for {key}' },
  'node.model_no_audit_match': {
    ko: '신고 업체 중 감사 결과가 있는 업체가 없습니다. ‹{field}›[이] 신고의 업체 열과 같은 값을 담는지 확인하세요',
    en: 'no company of the declarations has an audit result ({field})',
  },
  'node.model_one_outcome': {
    ko: '‹{field}›의 "{column}" 열에 {value}만 있습니다. 모형은 0과 1 두 결과가 모두 있어야 학습할 수 있습니다',
    en: '"{column}" holds only {value}s; the model needs both outcomes',
  },
  'node.model_label_empty': {
    ko: '‹{field}›의 "{column}" 열에 학습할 0/1 값이 없습니다',
    en: 'label "{column}" has no 0/1 values to learn from',
  },
  'node.model_prefixes_or_items': {
    ko: '확인이 필요한 HS 앞자리를 ‹{field}›에 넣거나, 품목 목록을 연결하세요',
    en: 'list the HS prefixes that need verification, or connect an item list',
  },
  'node.model_connect': { ko: '{what}[을] 연결하세요', en: 'connect {what}' },
  'node.export_support_catalogue_id': {
    ko: '지원사업 목록에 "{column}" 열(사업 ID)이 없습니다. 목록 표의 열 이름을 확인하세요',
    en: 'the programme catalogue has no "{column}" column',
  },
  'node.model_too_few_profiles': {
    ko: '과거 이력의 묶음(프로파일)이 {count}개뿐입니다. 군집 분석에는 2개 이상이 필요합니다. ‹{field}›[을] 확인하세요',
    en: 'the history has {count} profile(s); clustering needs at least 2',
  },
  'node.model_outcome_empty': {
    ko: '결과 열 "{column}"에 값이 없습니다. ‹{field}›에 값이 있는 열을 고르세요',
    en: 'the outcome column "{column}" has no values',
  },
  'node.model_cutoff_missing': {
    ko: '‹{time}›[을] 고르면 ‹{field}›도 넣어야 합니다 (그 시점부터 평가)',
    en: 'a time column needs a cutoff (evaluate from)',
  },
  'node.model_time_type': {
    ko: '‹{field}›의 "{column}" 열은 {type} 열입니다. 날짜·시각이나 숫자 열을 고르세요',
    en: '"{column}" is {type}, not a date, time or number',
  },
  'node.model_no_features': {
    ko: '학습에 쓸 범주형 열이나 숫자 열을 하나 이상 고르세요',
    en: 'choose at least one categorical or numeric column to learn from',
  },
  'node.model_bad_name': { ko: '‹{field}›에 쓸 수 없는 모형 이름입니다: {detail}', en: '{detail}' },
  'node.model_needs_both_outcomes': {
    ko: '‹{field}›의 "{column}" 열에 적발 {pos}건, 비적발 {neg}건이 있습니다. 모형은 과거 검사에서 적발과 비적발이 모두 있어야 학습할 수 있습니다',
    en: 'the label column "{column}" needs both outcomes (found {pos} hits and {neg} non-hits)',
  },
  'node.model_registry_unavailable': {
    ko: '여기서는 모형 저장소를 쓸 수 없습니다. 서버에 로그인한 뒤 실행하세요',
    en: 'the model registry is not available here (sign in to the server)',
  },
  'node.model_load_failed': { ko: '‹{field}›의 모형을 불러올 수 없습니다: {detail}', en: '{detail}' },
  'node.model_numeric_no_values': {
    ko: '숫자 열 "{column}"에 학습할(결과가 있는) 행의 값이 없습니다. ‹{field}›에서 빼세요',
    en: 'numeric column "{column}" has no values in the labelled rows',
  },
  'node.model_numeric_constant': {
    ko: '숫자 열 "{column}"[은] 학습할 행에서 값이 모두 같습니다. ‹{field}›에서 빼세요',
    en: 'numeric column "{column}" is constant in the labelled rows; remove it',
  },
  'node.model_ratio_order': {
    ko: '‹{low}›[은] ‹{high}›보다 작아야 합니다',
    en: 'the under-remittance ratio must be below the over-remittance ratio',
  },
  // Text models (nodes/model: trends, document association, consultation answers)
  'node.text_empty': {
    ko: '‹{field}›의 "{column}" 열에 글이 없습니다. 글이 들어 있는 열을 고르세요',
    en: 'the text column "{column}" is empty ({field})',
  },
  'node.text_only_numbers': {
    ko: '‹{field}›의 "{column}" 열에는 숫자·기호만 있어 비교할 글자가 없습니다. 글이 들어 있는 열을 고르세요',
    en: 'the text column "{column}" holds only numbers and symbols ({field})',
  },
  'node.text_no_dates': {
    ko: '‹{field}›의 "{column}" 열에서 날짜를 읽을 수 없습니다 (예: 2024-03-15). 날짜 열을 고르세요',
    en: 'no value of "{column}" reads as a date ({field})',
  },
  'node.trend_needs_names': {
    ko: '품목명 사전을 쓰려면 내부 시계열(수입신고)을 연결하고 ‹{field}›[을] 고르세요',
    en: 'the dictionary needs the item names of the internal series ({field})',
  },
  'node.qa_no_knowledge': {
    ko: '답변 자료(과거 상담·결정례·판례)에 글이 없습니다. ‹{field}›[을] 확인하세요',
    en: 'the knowledge table has no text to answer from ({field})',
  },
  // Customs data map (nodes/model/data-map.ts)
  'node.data_map_unknown_dataset': {
    ko: '‹{field}›에 적은 자료 {names}[이] 연결되어 있지 않습니다. 연결된 자료: {known}',
    en: 'no connected dataset is called {names} ({field}); connected: {known}',
  },
  // Link analysis (nodes/graph)
  'node.graph_key_type': {
    ko: '‹{field}›에 고른 "{column}"[은] {type} 열입니다. 업체부호·전화번호처럼 글자나 정수로 된 열을 고르세요',
    en: '"{column}" is {type}; choose a text or whole-number column (codes, names, phone numbers) ({field})',
  },
  'node.graph_no_links_chosen': {
    ko: '개체 열 하나만으로는 연결을 만들 수 없습니다. ‹{entities}›에 열을 하나 더 고르거나 ‹{links}›[을] 고르세요',
    en: 'one entity column and no shared attribute make no link; choose another {entities} or a {links}',
  },
  'node.graph_no_edges': {
    ko: '고른 열로는 두 개체를 잇는 연결이 하나도 만들어지지 않습니다. ‹{entities}›와 ‹{links}›에 값이 함께 채워진 열을 고르세요',
    en: 'the chosen columns make no link between two entities ({entities}, {links})',
  },
  'node.graph_seed_entity': {
    ko: '위반 표시가 가리키는 열 "{column}"[은] ‹{entities}›에 없습니다. 개체 열 가운데 하나를 고르세요',
    en: '"{column}" is not one of the {entities}',
  },
  'node.graph_flag_type': {
    ko: '‹{field}›에 고른 "{column}"[은] {type} 열입니다. 1/0, 예/아니오, Y/N 으로 된 열을 고르세요',
    en: '"{column}" is {type}; choose a 0/1, yes/no or true/false column ({field})',
  },
  'node.graph_flag_value': {
    ko: '‹{field}›의 "{column}" 열에 위반 여부로 읽을 수 없는 값 "{value}"[이] 있습니다. 이 열에는 1/0, 예/아니오, Y/N, true/false만 있어야 합니다 (글자와 숫자가 섞여 있는지 확인하세요)',
    en: '"{column}" holds "{value}", which is not a yes/no flag ({field})',
  },
  'node.graph_flag_none': {
    ko: '‹{field}›의 "{column}" 열에 위반으로 표시된 행이 없습니다. 위험을 퍼뜨릴 알려진 위반자가 있는 열을 고르세요',
    en: 'no row of "{column}" marks a violator ({field})',
  },
  'node.graph_seed_not_found': {
    ko: '‹{field}›의 "{value}"[은] 연결망에 없습니다.{suggest} ‹{entities}›에 고른 열의 값 그대로 적으세요',
    en: 'known violator "{value}" is not in the graph ({field}).{suggest}',
  },
  'node.graph_negative_weight': {
    ko: '‹{field}›의 "{column}" 열에 음수가 있습니다. 연결 가중치는 0 이상이어야 합니다',
    en: 'link weights in "{column}" must not be negative ({field})',
  },
  'node.port_calls_no_positions': {
    ko: '위치 보고가 없습니다. AIS 위치 표가 비어 있거나 ‹선박 식별 열›·‹보고 시각 열›이 모두 비어 있습니다',
    en: 'there are no position reports (the positions table is empty, or the vessel id and time columns are blank)',
  },
  'node.port_calls_time_type': {
    ko: '‹{field}›에 고른 "{column}"[은] {type} 열입니다. 날짜·시각 열을 고르세요',
    en: '"{column}" is {type}, not a date and time ({field})',
  },
  'node.port_calls_time_value': {
    ko: '‹{field}›의 "{column}" 열에 날짜·시각으로 읽을 수 없는 값 "{value}"[이] 있습니다. 보고 시각이 든 열을 고르거나 ‹날짜 변환› 노드로 먼저 바꾸세요',
    en: '"{column}" holds "{value}", which is not a date and time ({field})',
  },
  'node.port_calls_coordinate': {
    ko: '‹{field}›의 "{column}" 열에 ±{max}를 벗어난 값 {value}[이] 있습니다. 위도와 경도 열을 바꿔 고르지 않았는지 확인하세요',
    en: '"{column}" holds {value}, outside ±{max} ({field}); are latitude and longitude swapped?',
  },
  'node.images_none': {
    ko: '"{file}"에 PNG·JPEG 이미지가 없습니다. 스캔한 이미지 파일이나 이미지를 담은 ZIP을 고르세요',
    en: '"{file}" holds no PNG or JPEG image; choose a scanned image or a ZIP of images',
  },
  'node.images_too_many': {
    ko: '"{file}"이(가) 너무 큽니다. ZIP 하나에 이미지 {count}장, 풀었을 때 {mb} MB까지 읽습니다. 나누어 올리세요',
    en: '"{file}" is too large: a ZIP may hold up to {count} images and {mb} MB unpacked; split it',
  },
  'node.images_zip_unreadable': {
    ko: '"{file}"[은] 읽을 수 없는 ZIP입니다. 파일이 손상되지 않았는지 확인하고 다시 압축해 올리세요',
    en: '"{file}" is not a readable ZIP; check the file and compress it again',
  },
  'node.co_pdf': {
    ko: '"{file}"에서 읽을 수 있는 스캔 이미지를 찾지 못했습니다. 스캔한 PDF(쪽마다 그림 한 장)만 읽고, 글자로 만든 PDF·암호가 걸린 PDF·흑백 팩스 압축(JBIG2·CCITT)은 읽지 못합니다. 스캔 프로그램에서 PNG나 JPEG 이미지로 저장해 올리세요',
    en: '"{file}" has no scanned page image that can be read (only scanned PDFs with one picture per page are read; not typed, encrypted, JBIG2 or CCITT PDFs); save the scan as PNG or JPEG',
  },
  'node.pdf_too_many_pages': {
    ko: '"{file}"에 스캔한 쪽이 너무 많습니다. PDF 하나에 {max}쪽까지 읽습니다. 나누어 올리세요',
    en: '"{file}" has too many scanned pages (up to {max} per PDF); split it',
  },
  'node.co_image_unreadable': {
    ko: '"{file}"[은] 읽을 수 없는 이미지입니다. 파일이 손상되었거나 PNG·JPEG가 아닙니다',
    en: '"{file}" is not a readable image (damaged, or not PNG or JPEG)',
  },
  'node.co_image_too_large': {
    ko: '"{file}"[은] 너무 큰 이미지입니다 ({mp}백만 화소까지 읽습니다). 300 dpi 정도로 다시 스캔하세요',
    en: '"{file}" is too large (up to {mp} megapixels); scan again at about 300 dpi',
  },
  'node.co_needs_text': {
    ko: '‹{field}›에 고른 "{column}"[은] {type} 열입니다. 이미지 파일 읽기 노드의 image 열처럼 글자 열을 고르세요',
    en: '"{column}" is {type}; choose a text column such as the image column of Read image files ({field})',
  },
  'node.co_ocr_unavailable': {
    ko: '글자 인식(OCR)을 쓸 수 없습니다. 서버에 Tesseract(tesseract-ocr, tesseract-ocr-eng, tesseract-ocr-kor)가 설치되어 있어야 하고, 스튜디오는 서버에 로그인한 상태여야 합니다',
    en: 'OCR is not available: the server needs Tesseract (tesseract-ocr, -eng, -kor) and the studio must be signed in to it',
  },
  'node.co_ocr_failed': {
    ko: '"{file}"의 글자 인식(OCR)이 실패했거나 너무 오래 걸렸습니다. 이미지가 선명한지 확인하세요',
    en: 'OCR of "{file}" failed or took too long; check that the image is legible',
  },
  'node.xray_no_images': {
    ko: '‹{field}›에 X-ray 영상 파일(PNG·JPEG)을 하나 이상 지정하세요',
    en: 'Name at least one X-ray image file (PNG or JPEG) in {field}',
  },
  'node.xray_image_unreadable': {
    ko: '"{file}"[은] PNG나 JPEG 영상으로 읽을 수 없습니다. 파일이 손상되었거나 다른 형식입니다',
    en: '"{file}" cannot be read as a PNG or JPEG image: the file is damaged or of another kind',
  },
  'node.xray_image_too_large': {
    ko: '"{file}"[은] {megapixels}백만 화소입니다. 한 장에 {max}백만 화소까지 읽으니 영상을 줄여서 쓰세요',
    en: '"{file}" has {megapixels} megapixels; up to {max} are read per image, so scale it down first',
  },
  'node.xray_model_unreadable': {
    ko: '탐지 모델 "{file}"[을] ONNX 모델로 열 수 없습니다. 파일이 손상되었거나 ONNX 형식이 아닙니다',
    en: 'The detector "{file}" cannot be opened as an ONNX model: the file is damaged or not ONNX',
  },
  'node.xray_model_shape': {
    ko: '탐지 모델 "{file}"[이] 설정과 맞지 않습니다({why}). 모델의 입력 크기, 출력 형식(YOLO·SSD), 클래스 수를 확인하세요',
    en: 'The detector "{file}" does not fit the settings ({why}); check its input size, output kind (YOLO or SSD) and number of classes',
  },
  'node.xray_classes_needed': {
    ko: '직접 지정한 탐지 모델에는 ‹{field}›[이] 필요합니다',
    en: 'A detector of your own needs {field}',
  },
} as const satisfies Record<string, Label>;

export type MessageCode = keyof typeof CATALOGUE;
