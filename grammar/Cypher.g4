// innograph's query language: a Cypher subset shaped after openCypher, plus entity references
// (`(p:Park "大连高新区")`). Whitespace and comments are skipped by the lexer, so the parser never
// sees them. Keywords are case-insensitive through per-letter fragments because the 4.7.2 tool
// predates the caseInsensitive option. Keep this the only .g4 file: the build generates C++
// from it into the build directory.
grammar Cypher;

script : statement ';'? EOF ;

statement : ( K_EXPLAIN | K_PROFILE )? query ;

query : singleQuery unionPart* ;

unionPart : K_UNION K_ALL? singleQuery ;

singleQuery : clause+ ;

clause
    : matchClause
    | unwindClause
    | withClause
    | returnClause
    | createClause
    | mergeClause
    | setClause
    | removeClause
    | deleteClause
    | callSubqueryClause
    ;

matchClause : K_OPTIONAL? K_MATCH pattern whereClause? ;

unwindClause : K_UNWIND expression K_AS variable ;

withClause : K_WITH projectionBody whereClause? ;

returnClause : K_RETURN projectionBody ;

projectionBody : K_DISTINCT? projectionItems orderClause? skipClause? limitClause? ;

projectionItems
    : star='*' ( ',' projectionItem )*
    | projectionItem ( ',' projectionItem )*
    ;

projectionItem : expression ( K_AS variable )? ;

orderClause : K_ORDER K_BY sortItem ( ',' sortItem )* ;

skipClause : K_SKIP expression ;

limitClause : K_LIMIT expression ;

sortItem : expression ( K_ASCENDING | K_ASC | K_DESCENDING | K_DESC )? ;

whereClause : K_WHERE expression ;

createClause : K_CREATE pattern ;

mergeClause : K_MERGE patternPart mergeAction* ;

mergeAction : K_ON ( K_MATCH | K_CREATE ) setClause ;

setClause : K_SET setItem ( ',' setItem )* ;

setItem
    : propertyExpression '=' expression
    | variable '=' expression
    | variable '+=' expression
    | variable nodeLabels
    ;

removeClause : K_REMOVE removeItem ( ',' removeItem )* ;

removeItem
    : variable nodeLabels
    | propertyExpression
    ;

deleteClause : K_DETACH? K_DELETE expression ( ',' expression )* ;

// CALL { … }: a subquery run once per incoming row (an importing WITH first brings outer
// variables in); its RETURN columns join the row, a subquery without RETURN only writes.
callSubqueryClause : K_CALL '{' query '}' ;

propertyExpression : atom propertyLookup+ ;

// ---- Patterns ---------------------------------------------------------------------------------

pattern : patternPart ( ',' patternPart )* ;

patternPart : ( variable '=' )? anonymousPatternPart ;

anonymousPatternPart
    : shortestPathPattern
    | patternElement
    ;

shortestPathPattern : ( K_SHORTESTPATH | K_ALLSHORTESTPATHS ) '(' patternElement ')' ;

patternElement
    : nodePattern patternElementChain*
    | '(' patternElement ')'
    ;

patternElementChain : relationshipPattern nodePattern ;

// The optional string is an entity reference: the node whose name or alias matches it.
nodePattern : '(' variable? nodeLabels? StringLiteral? properties? ')' ;

relationshipPattern : leftArrow='<'? '-' relationshipDetail? '-' rightArrow='>'? ;

relationshipDetail : '[' variable? relationshipTypes? rangeLiteral? properties? ']' ;

properties
    : mapLiteral
    | parameter
    ;

relationshipTypes : ':' schemaName ( '|' ':'? schemaName )* ;

nodeLabels : ( ':' schemaName )+ ;

rangeLiteral : '*' minHops=IntegerLiteral? ( range='..' maxHops=IntegerLiteral? )? ;

// ---- Expressions ------------------------------------------------------------------------------

expression : orExpression ;

orExpression : xorExpression ( K_OR xorExpression )* ;

xorExpression : andExpression ( K_XOR andExpression )* ;

andExpression : notExpression ( K_AND notExpression )* ;

notExpression : K_NOT* comparisonExpression ;

// openCypher's precedence: string, list and null predicates bind looser than arithmetic and
// tighter than comparison (a + b IN l is (a + b) IN l; -1 IN l is (-1) IN l).
comparisonExpression : predicateExpression ( comparisonOperator predicateExpression )* ;

comparisonOperator : '=' | '<>' | '<' | '>' | '<=' | '>=' ;

addSubExpression : multDivExpression ( ( '+' | '-' ) multDivExpression )* ;

multDivExpression : powerExpression ( ( '*' | '/' | '%' ) powerExpression )* ;

powerExpression : unaryExpression ( '^' unaryExpression )* ;

unaryExpression : ( '+' | '-' )* postfixExpression ;

predicateExpression : addSubExpression predicateSuffix* ;

predicateSuffix
    : K_STARTS K_WITH addSubExpression   # startsWith
    | K_ENDS K_WITH addSubExpression     # endsWith
    | K_CONTAINS addSubExpression        # contains
    | K_IN addSubExpression              # inList
    | K_IS K_NOT? K_NULL                 # isNull
    ;

postfixExpression : atom postfixSuffix* ;

postfixSuffix
    : propertyLookup                                    # propertySuffix
    | '[' expression ']'                                # indexSuffix
    | '[' from=expression? '..' to=expression? ']'      # sliceSuffix
    | nodeLabels                                        # labelSuffix
    ;

propertyLookup : '.' schemaName ;

// Order matters where two alternatives read the same text: (a)--(b) is a pattern, not (a) minus
// -(b); [(a)-->(b) | x] a pattern comprehension; n {.name} a map projection.
atom
    : literal
    | parameter
    | caseExpression
    | countStar
    | quantifier
    | patternComprehension
    | listComprehension
    | listLiteral
    | mapLiteral
    | subqueryExpression
    | mapProjection
    | shortestPathPattern
    | relationshipsPattern
    | parenthesizedExpression
    | functionInvocation
    | variable
    ;
// A pattern as a predicate: true when it matches from the row's variables.
relationshipsPattern : nodePattern patternElementChain+ ;
patternComprehension
    : '[' ( variable '=' )? relationshipsPattern ( K_WHERE where=expression )? '|' projection=expression ']'
    ;
// EXISTS { … } and COUNT { … }; the name is checked by the transformer so that neither becomes
// a keyword (exists() and count() stay functions).
subqueryExpression : symbolicName '{' K_MATCH? pattern whereClause? '}' ;
mapProjection : variable '{' ( mapProjectionItem ( ',' mapProjectionItem )* )? '}' ;
mapProjectionItem
    : schemaName ':' expression   # mapProjectionEntry
    | '.' schemaName              # mapProjectionProperty
    | '.' '*'                     # mapProjectionAll
    | variable                    # mapProjectionVariable
    ;

countStar : functionName '(' '*' ')' ;

// all / any / none / single ( x IN list WHERE predicate ); the name is checked by the transformer
// so that `any` and friends stay usable as names elsewhere.
quantifier : ( K_ALL | symbolicName ) '(' variable K_IN expression K_WHERE expression ')' ;

literal
    : IntegerLiteral
    | FloatLiteral
    | StringLiteral
    | K_TRUE
    | K_FALSE
    | K_NULL
    ;

listLiteral : '[' ( expression ( ',' expression )* )? ']' ;

listComprehension : '[' variable K_IN expression ( K_WHERE where=expression )? ( '|' projection=expression )? ']' ;

mapLiteral : '{' ( mapEntry ( ',' mapEntry )* )? '}' ;

mapEntry : schemaName ':' expression ;

parameter : '$' ( symbolicName | IntegerLiteral ) ;

caseExpression : K_CASE subject=expression? caseAlternative+ ( K_ELSE elseExpr=expression )? K_END ;

caseAlternative : K_WHEN expression K_THEN expression ;

parenthesizedExpression : '(' expression ')' ;

functionInvocation : functionName '(' K_DISTINCT? ( expression ( ',' expression )* )? ')' ;

// Namespaced functions: duration.between, date.truncate, datetime.fromepoch ...
functionName : symbolicName ( '.' symbolicName )* ;

variable : symbolicName ;

symbolicName : Identifier | EscapedIdentifier ;

// Labels, relationship types, property and map keys may also be spelled like keywords.
schemaName : symbolicName | reservedWord ;

reservedWord
    : K_MATCH | K_OPTIONAL | K_WHERE | K_WITH | K_RETURN | K_UNWIND | K_AS | K_ORDER | K_BY | K_SKIP | K_LIMIT
    | K_ASC | K_ASCENDING | K_DESC | K_DESCENDING | K_DISTINCT | K_CREATE | K_MERGE | K_ON | K_SET | K_REMOVE
    | K_DELETE | K_DETACH | K_AND | K_OR | K_XOR | K_NOT | K_IN | K_STARTS | K_ENDS | K_CONTAINS | K_IS | K_NULL
    | K_TRUE | K_FALSE | K_CASE | K_WHEN | K_THEN | K_ELSE | K_END | K_UNION | K_ALL | K_EXPLAIN | K_PROFILE
    | K_SHORTESTPATH | K_ALLSHORTESTPATHS | K_CALL
    ;

// ---- Lexer ------------------------------------------------------------------------------------

K_MATCH : M A T C H ;
K_OPTIONAL : O P T I O N A L ;
K_WHERE : W H E R E ;
K_WITH : W I T H ;
K_RETURN : R E T U R N ;
K_UNWIND : U N W I N D ;
K_AS : A S ;
K_ORDER : O R D E R ;
K_BY : B Y ;
K_SKIP : S K I P ;
K_LIMIT : L I M I T ;
K_ASCENDING : A S C E N D I N G ;
K_ASC : A S C ;
K_DESCENDING : D E S C E N D I N G ;
K_DESC : D E S C ;
K_DISTINCT : D I S T I N C T ;
K_CREATE : C R E A T E ;
K_MERGE : M E R G E ;
K_ON : O N ;
K_SET : S E T ;
K_REMOVE : R E M O V E ;
K_DELETE : D E L E T E ;
K_DETACH : D E T A C H ;
K_AND : A N D ;
K_OR : O R ;
K_XOR : X O R ;
K_NOT : N O T ;
K_IN : I N ;
K_STARTS : S T A R T S ;
K_ENDS : E N D S ;
K_CONTAINS : C O N T A I N S ;
K_IS : I S ;
K_NULL : N U L L ;
K_TRUE : T R U E ;
K_FALSE : F A L S E ;
K_CASE : C A S E ;
K_WHEN : W H E N ;
K_THEN : T H E N ;
K_ELSE : E L S E ;
K_END : E N D ;
K_UNION : U N I O N ;
K_ALL : A L L ;
K_EXPLAIN : E X P L A I N ;
K_PROFILE : P R O F I L E ;
K_SHORTESTPATH : S H O R T E S T P A T H ;
K_ALLSHORTESTPATHS : A L L S H O R T E S T P A T H S ;
K_CALL : C A L L ;

FloatLiteral
    : Digit+ '.' Digit+ Exponent?
    | '.' Digit+ Exponent?
    | Digit+ Exponent
    ;

IntegerLiteral
    : '0' [xX] HexDigit+
    | '0o' OctDigit+
    | Digit+
    ;

StringLiteral
    : '"' ( ~["\\] | EscapeSequence )* '"'
    | '\'' ( ~['\\] | EscapeSequence )* '\''
    ;

EscapedIdentifier : '`' ( ~'`' | '``' )* '`' ;

Identifier : IdentifierStart IdentifierPart* ;

WS : [ \t\r\n\u000B\u000C\u00A0\u3000\uFEFF]+ -> skip ;

LineComment : '//' ~[\r\n]* -> skip ;

BlockComment : '/*' .*? '*/' -> skip ;

// Anything else becomes a token of its own so that the parser, not the lexer, reports it with
// the expected alternatives.
Unknown : . ;

fragment IdentifierStart : [a-zA-Z_] | [\u0080-\u009F\u00A1-\u2FFF\u3001-\uFEFE\uFF00-\uFFFD] | [\u{10000}-\u{10FFFF}] ;
fragment IdentifierPart : IdentifierStart | [0-9] ;
fragment EscapeSequence : '\\' ( ["'\\/bfnrt] | 'u' HexDigit HexDigit HexDigit HexDigit ) ;
fragment Exponent : [eE] [+-]? Digit+ ;
fragment Digit : [0-9] ;
fragment HexDigit : [0-9a-fA-F] ;
fragment OctDigit : [0-7] ;

fragment A : [aA] ; fragment B : [bB] ; fragment C : [cC] ; fragment D : [dD] ;
fragment E : [eE] ; fragment F : [fF] ; fragment G : [gG] ; fragment H : [hH] ;
fragment I : [iI] ; fragment J : [jJ] ; fragment K : [kK] ; fragment L : [lL] ;
fragment M : [mM] ; fragment N : [nN] ; fragment O : [oO] ; fragment P : [pP] ;
fragment Q : [qQ] ; fragment R : [rR] ; fragment S : [sS] ; fragment T : [tT] ;
fragment U : [uU] ; fragment V : [vV] ; fragment W : [wW] ; fragment X : [xX] ;
fragment Y : [yY] ; fragment Z : [zZ] ;
